#pragma once

#include "speech/gaussian_mixture.h"
#include "speech/voice_features.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace noteward::core::speech {

// One voice, as the frames of speech it makes: its spectral shape (c1..c12) and, apart, its
// pitch, which would otherwise be drowned by the twelve spectral numbers and is the steadier
// cue between two people, so it counts extra.
class VoiceModel {
public:
    // A frame: c1..c12 then log2 pitch (voiced frames only).
    static constexpr std::size_t kFrameDims = VoiceFeatures::kCepstra + 1;

    static VoiceModel train(const std::vector<float>& frames);
    static void appendFrame(const VoiceTrack& track, std::size_t frame, std::vector<float>& out);
    // Voiced frames of a track, as frame vectors one after another.
    static std::vector<float> framesOf(const VoiceTrack& track);

    bool empty() const { return m_spectrum.empty() || m_pitch.empty(); }
    double logLikelihood(const float* frame) const;

    nlohmann::json toJson() const;
    static std::optional<VoiceModel> fromJson(const nlohmann::json& json);

private:
    GaussianMixture m_spectrum;
    GaussianMixture m_pitch;
};

}  // namespace noteward::core::speech
