#pragma once

#include "audio/opus_codec.h"
#include "audio/recording_chunks.h"
#include "audio/resampler.h"
#include "util/result.h"
#include "vault/recording_store.h"

#include <memory>
#include <optional>
#include <string>

namespace noteward::core::vault {
class Database;
}

namespace noteward::core::audio {

struct RecordingTarget {
    std::string userId;     // the therapist recording: the only one who can play it back
    std::string sessionId;
    std::string source;     // "microphone:<device>" or "import"
};

// Turns mono samples into a stored recording: resample (only if the rate is not one Opus
// takes) → Opus frames → chunks of about one second → sealed → each committed on its own.
// Not thread-safe: one writer thread owns it.
class RecordingWriter {
public:
    static constexpr int kPacketsPerChunk = 1000 / kFrameMs;  // ~1 s

    static Result<std::unique_ptr<RecordingWriter>> begin(vault::Database& db, const RecordingTarget& target, int inputRate);
    ~RecordingWriter();

    Result<void> write(const float* samples, std::size_t count);
    // Encodes what is left (the last frame padded with silence) and seals the final chunk.
    Result<void> finish();

    const std::string& recordingId() const { return m_id; }
    int codecRate() const { return m_codecRate; }
    std::int64_t frames() const { return m_frames; }  // at codecRate, padding excluded
    void setDroppedFrames(std::int64_t dropped) { m_dropped = dropped; }

private:
    RecordingWriter(vault::Database& db, std::string id, crypto::SecretBytes key, int inputRate, int codecRate);
    Result<void> encodeAvailable();
    Result<void> commitChunk(bool last);
    Result<void> storeChunk(const vault::ChunkRow& chunk);

    vault::Database& m_db;
    std::string m_id;
    ChunkCipher m_cipher;
    int m_codecRate;
    std::unique_ptr<Resampler> m_resampler;
    VoiceEncoder m_encoder;
    std::vector<float> m_pending;    // at codec rate, not yet a whole frame
    std::vector<float> m_converted;  // resampler output scratch
    std::vector<Bytes> m_packets;    // this chunk's packets
    std::int64_t m_chunkFrames = 0;
    std::int64_t m_frames = 0;
    std::int64_t m_nextIndex = 0;
    std::optional<vault::ChunkRow> m_unstored;  // sealed, but its commit failed
    std::int64_t m_dropped = 0;
    bool m_finished = false;
};

}  // namespace noteward::core::audio
