#pragma once

#include "crypto/aes_gcm.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::audio {

// The encrypted chunked stream of one recording. Each chunk holds about a second of Opus
// packets, sealed with AES-256-GCM under the recording's own key. The nonce is the chunk's
// index (so it never repeats under one key) and the associated data binds the recording id,
// the index, the frame count and whether it is the last chunk: a chunk moved to another
// position or recording, altered, or a stream cut short all fail to verify.
class ChunkCipher {
public:
    ChunkCipher(const crypto::SecretBytes& recordingKey, std::string recordingId);

    Bytes seal(std::int64_t index, bool last, std::int64_t frames, const std::vector<Bytes>& packets);
    // nullopt when the chunk fails authentication.
    std::optional<std::vector<Bytes>> open(std::int64_t index, bool last, std::int64_t frames, ByteView sealed);

private:
    Bytes associatedData(std::int64_t index, bool last, std::int64_t frames) const;
    crypto::AesGcm m_gcm;
    std::string m_recordingId;
};

// The recording key wrapped for the therapist who recorded (and no one else), under a
// per-therapist secret kept in the vault; the sync issue re-wraps it to their X25519 key.
Bytes wrapRecordingKey(ByteView therapistSecret, const crypto::SecretBytes& recordingKey, const std::string& recordingId);
std::optional<crypto::SecretBytes> unwrapRecordingKey(ByteView therapistSecret, ByteView wrapped,
                                                      const std::string& recordingId);

}  // namespace noteward::core::audio
