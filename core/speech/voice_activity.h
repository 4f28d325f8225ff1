#pragma once

#include <cstdint>
#include <vector>

namespace noteward::core::speech {

struct SpeechRegion {
    std::size_t begin = 0;  // sample index at 16 kHz
    std::size_t end = 0;
};

// Energy-based voice activity detection on 16 kHz mono: 30 ms frames against an adaptive
// noise floor, pauses shorter than 350 ms bridged, regions padded by 100 ms and split at
// their quietest point when longer than 20 s. Silence yields no region at all, which is the
// first guard against speech models inventing words in silence.
std::vector<SpeechRegion> detectSpeech(const std::vector<float>& samples);

// RMS of a span, for the silence guard.
double rmsOf(const std::vector<float>& samples, std::size_t begin, std::size_t end);

}  // namespace noteward::core::speech
