#include "audio/opus_codec.h"

#include <opus/opus.h>

#include <stdexcept>
#include <string>

namespace noteward::core::audio {

bool isOpusRate(int r) { return r == 8000 || r == 12000 || r == 16000 || r == 24000 || r == 48000; }

VoiceEncoder::VoiceEncoder(int sampleRate) : m_frameSize(sampleRate / 1000 * kFrameMs)
{
    int error = 0;
    m_encoder = opus_encoder_create(sampleRate, 1, OPUS_APPLICATION_VOIP, &error);
    if (error != OPUS_OK || !m_encoder) throw std::runtime_error(std::string("opus encoder: ") + opus_strerror(error));
    opus_encoder_ctl(m_encoder, OPUS_SET_BITRATE(24000));
    opus_encoder_ctl(m_encoder, OPUS_SET_MAX_BANDWIDTH(OPUS_BANDWIDTH_WIDEBAND));
    opus_encoder_ctl(m_encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    opus_encoder_ctl(m_encoder, OPUS_SET_COMPLEXITY(5));
}

VoiceEncoder::~VoiceEncoder() { opus_encoder_destroy(m_encoder); }

Bytes VoiceEncoder::encodeFrame(const float* frame)
{
    Bytes packet(1275);  // the largest Opus packet
    const opus_int32 n = opus_encode_float(m_encoder, frame, m_frameSize, packet.data(), static_cast<opus_int32>(packet.size()));
    if (n < 0) throw std::runtime_error(std::string("opus encode: ") + opus_strerror(n));
    packet.resize(static_cast<std::size_t>(n));
    return packet;
}

VoiceDecoder::VoiceDecoder(int sampleRate) : m_frameSize(sampleRate / 1000 * kFrameMs)
{
    int error = 0;
    m_decoder = opus_decoder_create(sampleRate, 1, &error);
    if (error != OPUS_OK || !m_decoder) throw std::runtime_error(std::string("opus decoder: ") + opus_strerror(error));
}

VoiceDecoder::~VoiceDecoder() { opus_decoder_destroy(m_decoder); }

Result<void> VoiceDecoder::decode(ByteView packet, std::vector<float>& out)
{
    const std::size_t at = out.size();
    out.resize(at + static_cast<std::size_t>(m_frameSize) * 3);  // room for up to 60 ms
    const int n = opus_decode_float(m_decoder, packet.data(), static_cast<opus_int32>(packet.size()), out.data() + at,
                                    m_frameSize * 3, 0);
    if (n < 0) {
        out.resize(at);
        return makeError(ErrorCode::Corrupt, std::string("A recording packet could not be decoded: ") + opus_strerror(n));
    }
    out.resize(at + static_cast<std::size_t>(n));
    return Ok{};
}

}  // namespace noteward::core::audio
