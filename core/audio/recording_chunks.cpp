#include "audio/recording_chunks.h"

#include <array>

namespace noteward::core::audio {

namespace {
std::array<std::uint8_t, crypto::kGcmNonceSize> nonceFor(std::int64_t index)
{
    std::array<std::uint8_t, crypto::kGcmNonceSize> nonce{};
    for (int i = 0; i < 8; ++i) nonce[4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(index) >> (56 - 8 * i));
    return nonce;
}

Bytes asVector(std::string_view text)
{
    const ByteView v = asBytes(text);
    return Bytes(v.begin(), v.end());
}
}  // namespace

ChunkCipher::ChunkCipher(const crypto::SecretBytes& recordingKey, std::string recordingId)
    : m_gcm(recordingKey.view()), m_recordingId(std::move(recordingId))
{
}

Bytes ChunkCipher::associatedData(std::int64_t index, bool last, std::int64_t frames) const
{
    return asVector("noteward-audio-v1|" + m_recordingId + "|" + std::to_string(index) + "|" + (last ? "1" : "0") + "|" +
                    std::to_string(frames));
}

Bytes ChunkCipher::seal(std::int64_t index, bool last, std::int64_t frames, const std::vector<Bytes>& packets)
{
    Bytes plain;
    const auto count = static_cast<std::uint16_t>(packets.size());
    plain.push_back(static_cast<std::uint8_t>(count >> 8));
    plain.push_back(static_cast<std::uint8_t>(count));
    for (const auto& p : packets) {
        plain.push_back(static_cast<std::uint8_t>(p.size() >> 8));
        plain.push_back(static_cast<std::uint8_t>(p.size()));
        plain.insert(plain.end(), p.begin(), p.end());
    }
    return m_gcm.seal(nonceFor(index), plain, associatedData(index, last, frames));
}

std::optional<std::vector<Bytes>> ChunkCipher::open(std::int64_t index, bool last, std::int64_t frames, ByteView sealed)
{
    auto plain = m_gcm.open(nonceFor(index), sealed, associatedData(index, last, frames));
    if (!plain) return std::nullopt;
    const ByteView p = plain->view();
    if (p.size() < 2) return std::nullopt;
    const std::size_t count = (std::size_t(p[0]) << 8) | p[1];
    std::vector<Bytes> packets;
    std::size_t at = 2;
    for (std::size_t i = 0; i < count; ++i) {
        if (at + 2 > p.size()) return std::nullopt;
        const std::size_t len = (std::size_t(p[at]) << 8) | p[at + 1];
        at += 2;
        if (at + len > p.size()) return std::nullopt;
        packets.emplace_back(p.begin() + static_cast<std::ptrdiff_t>(at), p.begin() + static_cast<std::ptrdiff_t>(at + len));
        at += len;
    }
    return packets;
}

Bytes wrapRecordingKey(ByteView therapistSecret, const crypto::SecretBytes& recordingKey, const std::string& recordingId)
{
    return crypto::AesGcm(therapistSecret).sealWithRandomNonce(recordingKey.view(), asBytes("recording-key|" + recordingId));
}

std::optional<crypto::SecretBytes> unwrapRecordingKey(ByteView therapistSecret, ByteView wrapped, const std::string& recordingId)
{
    return crypto::AesGcm(therapistSecret).openWithNonce(wrapped, asBytes("recording-key|" + recordingId));
}

}  // namespace noteward::core::audio
