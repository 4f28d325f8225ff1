#pragma once

#include "util/result.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace noteward::core::audio {

struct PcmAudio {
    int sampleRate = 0;
    int channels = 0;
    std::vector<float> samples;  // interleaved, -1..1
    std::size_t frames() const { return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0; }
    // The channels averaged into one.
    std::vector<float> mono() const;
};

// Reads RIFF/WAVE: PCM 8, 16, 24 or 32-bit integer, or 32-bit float, 1 or 2 channels, any
// rate from 8 to 192 kHz. Anything else gets a clear error naming what it is.
Result<PcmAudio> readWav(const std::filesystem::path& file);

// 16-bit PCM mono WAV, written to a temporary file and renamed into place.
Result<void> writeWavMono16(const std::filesystem::path& file, int sampleRate, const std::vector<float>& samples);

}  // namespace noteward::core::audio
