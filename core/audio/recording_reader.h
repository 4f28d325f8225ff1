#pragma once

#include "audio/opus_codec.h"
#include "audio/recording_chunks.h"
#include "util/result.h"
#include "vault/recording_store.h"

#include <memory>
#include <optional>

namespace noteward::core::vault {
class Database;
}

namespace noteward::core::audio {

// Reads a stored recording back, chunk by chunk, decoding on the fly (nothing is written to
// disk). Only the therapist who recorded it can open it. Every chunk is authenticated, and
// the sequence is checked: a missing, reordered, altered or (for a complete recording)
// truncated stream is reported, never played as if whole.
class RecordingReader {
public:
    static Result<std::unique_ptr<RecordingReader>> open(vault::Database& db, const std::string& userId,
                                                         const std::string& sessionId);

    const vault::RecordingRow& info() const { return m_row; }
    int sampleRate() const { return m_row.sampleRate; }
    std::int64_t frames() const { return m_row.frames; }
    std::size_t chunkCount() const { return m_chunks.size(); }

    // Decoded samples of chunk `i` (trimmed to its stated frame count).
    Result<std::vector<float>> decodeChunk(std::size_t i);
    // The chunk holding `frame`, and that chunk's first frame.
    std::pair<std::size_t, std::int64_t> locate(std::int64_t frame) const;

private:
    RecordingReader(vault::RecordingRow row, std::vector<vault::ChunkRow> chunks, crypto::SecretBytes key);

    vault::RecordingRow m_row;
    std::vector<vault::ChunkRow> m_chunks;
    std::vector<std::int64_t> m_starts;
    ChunkCipher m_cipher;
    std::unique_ptr<VoiceDecoder> m_decoder;
    std::optional<std::size_t> m_lastDecoded;
};

}  // namespace noteward::core::audio
