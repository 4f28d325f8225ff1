#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace noteward::core::speech {

// What diarization compares about a stretch of speech: the shape of the voice (mel cepstra
// c1..c12, their means and spreads over the louder frames; c0 is loudness, not voice) and its
// pitch (median log2 F0 over voiced frames). Loudness and the words said barely move it; a
// different speaker moves it a lot.
struct VoiceFeatures {
    static constexpr std::size_t kCepstra = 12;
    static constexpr std::size_t kSize = 2 * kCepstra + 1;
    static constexpr std::size_t kPitch = 2 * kCepstra;  // index of log2 F0

    std::vector<double> values;  // kSize numbers, or empty when there was too little speech
    double voicedSeconds = 0;    // frames the features were taken from
    bool empty() const { return values.empty(); }
};

// Frame-level measurements of a stretch of audio, one per 10 ms, from which features of any
// part of it are summarised without measuring again.
struct VoiceTrack {
    static constexpr std::size_t kFrameSamples = 160;  // 10 ms at 16 kHz
    static constexpr std::size_t kCeps = 13;           // c0..c12
    std::size_t beginSample = 0;                       // where frame 0 starts
    std::vector<std::array<float, kCeps>> cepstra;
    std::vector<float> log2Pitch;  // per frame; NaN where no voice was tracked
    std::size_t frames() const { return cepstra.size(); }
};

// sphinxbase's MFCC front end at 16 kHz (the one the on-device recogniser uses) plus an
// autocorrelation pitch tracker. Not thread-safe; make one per thread.
class VoiceFeatureExtractor {
public:
    VoiceFeatureExtractor();
    ~VoiceFeatureExtractor();
    VoiceFeatureExtractor(const VoiceFeatureExtractor&) = delete;
    VoiceFeatureExtractor& operator=(const VoiceFeatureExtractor&) = delete;

    bool ok() const;
    // Measures samples[begin, end) of 16 kHz mono audio.
    VoiceTrack track(const std::vector<float>& samples, std::size_t begin, std::size_t end);
    // Features of frames [from, to) of a track; empty when too little voice is in them.
    static VoiceFeatures summarise(const VoiceTrack& track, std::size_t from, std::size_t to);
    // Features of samples[begin, end).
    VoiceFeatures extract(const std::vector<float>& samples, std::size_t begin, std::size_t end);
    // Features pooled over several spans (an enrollment read in pieces).
    VoiceFeatures extract(const std::vector<float>& samples, const std::vector<std::pair<std::size_t, std::size_t>>& spans);

private:

    struct FrontEnd;
    std::unique_ptr<FrontEnd> m_fe;
};

}  // namespace noteward::core::speech
