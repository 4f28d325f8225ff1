#pragma once

#include "util/bytes.h"
#include "util/result.h"

#include <vector>

struct OpusEncoder;
struct OpusDecoder;

namespace noteward::core::audio {

inline constexpr int kFrameMs = 20;

// True for the sample rates Opus takes directly (8, 12, 16, 24, 48 kHz).
bool isOpusRate(int sampleRate);

// Mono speech encoder: VoIP application, wideband, about 24 kbit/s, 20 ms frames.
class VoiceEncoder {
public:
    explicit VoiceEncoder(int sampleRate);  // throws std::runtime_error for a rate Opus refuses
    ~VoiceEncoder();
    VoiceEncoder(const VoiceEncoder&) = delete;
    VoiceEncoder& operator=(const VoiceEncoder&) = delete;

    int frameSize() const { return m_frameSize; }
    // Encodes exactly one frame of frameSize() samples.
    Bytes encodeFrame(const float* frame);

private:
    OpusEncoder* m_encoder = nullptr;
    int m_frameSize;
};

class VoiceDecoder {
public:
    explicit VoiceDecoder(int sampleRate);
    ~VoiceDecoder();
    VoiceDecoder(const VoiceDecoder&) = delete;
    VoiceDecoder& operator=(const VoiceDecoder&) = delete;

    // Appends the decoded samples of one packet to `out`.
    Result<void> decode(ByteView packet, std::vector<float>& out);

private:
    OpusDecoder* m_decoder = nullptr;
    int m_frameSize;
};

}  // namespace noteward::core::audio
