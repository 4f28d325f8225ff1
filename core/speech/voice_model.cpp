#include "speech/voice_model.h"

#include <cmath>

namespace noteward::core::speech {

namespace {
constexpr std::size_t kSpectrumComponents = 8;
constexpr std::size_t kPitchComponents = 2;
// Chosen on the tuning dialogues (bench speech --dialogues): pitch ten times the spectrum.
constexpr double kSpectrumWeight = 0.3;
constexpr double kPitchWeight = 3.0;
}  // namespace

void VoiceModel::appendFrame(const VoiceTrack& t, std::size_t f, std::vector<float>& out)
{
    for (std::size_t c = 1; c < VoiceTrack::kCeps; ++c) out.push_back(t.cepstra[f][c]);
    out.push_back(t.log2Pitch[f]);
}

std::vector<float> VoiceModel::framesOf(const VoiceTrack& track)
{
    std::vector<float> out;
    for (std::size_t f = 0; f < track.frames(); ++f)
        if (!std::isnan(track.log2Pitch[f])) appendFrame(track, f, out);
    return out;
}

VoiceModel VoiceModel::train(const std::vector<float>& frames)
{
    const std::size_t n = frames.size() / kFrameDims;
    std::vector<float> spectrum, pitch;
    spectrum.reserve(n * (kFrameDims - 1));
    pitch.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto row = frames.begin() + static_cast<std::ptrdiff_t>(i * kFrameDims);
        spectrum.insert(spectrum.end(), row, row + static_cast<std::ptrdiff_t>(kFrameDims - 1));
        pitch.push_back(*(row + static_cast<std::ptrdiff_t>(kFrameDims - 1)));
    }
    VoiceModel m;
    m.m_spectrum = GaussianMixture::train(spectrum, kFrameDims - 1, kSpectrumComponents);
    m.m_pitch = GaussianMixture::train(pitch, 1, kPitchComponents);
    return m;
}

double VoiceModel::logLikelihood(const float* frame) const
{
    return kSpectrumWeight * m_spectrum.logLikelihood(frame) + kPitchWeight * m_pitch.logLikelihood(frame + kFrameDims - 1);
}

nlohmann::json VoiceModel::toJson() const { return {{"spectrum", m_spectrum.toJson()}, {"pitch", m_pitch.toJson()}}; }

std::optional<VoiceModel> VoiceModel::fromJson(const nlohmann::json& json)
{
    if (!json.is_object() || !json.contains("spectrum") || !json.contains("pitch")) return std::nullopt;
    auto spectrum = GaussianMixture::fromJson(json["spectrum"], kFrameDims - 1);
    auto pitch = GaussianMixture::fromJson(json["pitch"], 1);
    if (!spectrum || !pitch) return std::nullopt;
    VoiceModel m;
    m.m_spectrum = std::move(*spectrum);
    m.m_pitch = std::move(*pitch);
    return m;
}

}  // namespace noteward::core::speech
