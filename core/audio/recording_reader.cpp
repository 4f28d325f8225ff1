#include "audio/recording_reader.h"

#include "vault/database.h"
#include "vault/guarded.h"

namespace noteward::core::audio {

namespace {
Error damaged(const std::string& what)
{
    return makeError(ErrorCode::Corrupt, "The recording is damaged or was tampered with: " + what + ".");
}
}  // namespace

Result<std::unique_ptr<RecordingReader>> RecordingReader::open(vault::Database& db, const std::string& userId,
                                                               const std::string& sessionId)
{
    return vault::guarded([&]() -> Result<std::unique_ptr<RecordingReader>> {
        vault::RecordingStore store(db);
        auto row = store.latestForSession(sessionId);
        if (!row) return makeError(ErrorCode::NotFound, "This session has no recording.");
        if (row->recordedBy != userId)
            return makeError(ErrorCode::Refused, "Only the therapist who made a recording can play or export it.");
        const crypto::SecretBytes secret = store.userSecret(userId, "recording-wrap", 32);
        auto key = unwrapRecordingKey(secret.view(), row->wrappedKey, row->id);
        if (!key) return damaged("its key does not open");
        auto chunks = store.chunks(row->id);

        for (std::size_t i = 0; i < chunks.size(); ++i) {
            if (chunks[i].index != static_cast<std::int64_t>(i))
                return damaged("chunk " + std::to_string(i) + " is missing");
            if (chunks[i].isLast && i + 1 != chunks.size()) return damaged("chunks follow the final chunk");
        }
        if (row->status == "complete" && (chunks.empty() || !chunks.back().isLast))
            return damaged("its end is missing (the stream was truncated)");
        if (static_cast<std::int64_t>(chunks.size()) != row->chunkCount)
            return damaged("it should have " + std::to_string(row->chunkCount) + " chunks but has " +
                           std::to_string(chunks.size()));
        return std::unique_ptr<RecordingReader>(new RecordingReader(std::move(*row), std::move(chunks), std::move(*key)));
    });
}

RecordingReader::RecordingReader(vault::RecordingRow row, std::vector<vault::ChunkRow> chunks, crypto::SecretBytes key)
    : m_row(std::move(row)), m_chunks(std::move(chunks)), m_cipher(key, m_row.id), m_decoder(std::make_unique<VoiceDecoder>(m_row.sampleRate))
{
    std::int64_t at = 0;
    for (const auto& c : m_chunks) {
        m_starts.push_back(at);
        at += c.frames;
    }
}

std::pair<std::size_t, std::int64_t> RecordingReader::locate(std::int64_t frame) const
{
    for (std::size_t i = 0; i + 1 < m_starts.size(); ++i)
        if (frame < m_starts[i + 1]) return {i, m_starts[i]};
    return m_starts.empty() ? std::pair<std::size_t, std::int64_t>{0, 0}
                            : std::pair<std::size_t, std::int64_t>{m_starts.size() - 1, m_starts.back()};
}

Result<std::vector<float>> RecordingReader::decodeChunk(std::size_t i)
{
    if (i >= m_chunks.size()) return makeError(ErrorCode::NotFound, "No such part of the recording.");
    const auto& c = m_chunks[i];
    auto packets = m_cipher.open(c.index, c.isLast, c.frames, c.data);
    if (!packets) return damaged("chunk " + std::to_string(i) + " fails authentication");
    // Opus carries state between packets: decoding out of order restarts from a clean decoder.
    if (!m_lastDecoded || *m_lastDecoded + 1 != i) m_decoder = std::make_unique<VoiceDecoder>(m_row.sampleRate);
    std::vector<float> samples;
    for (const auto& p : *packets)
        if (auto r = m_decoder->decode(p, samples); !r) return r.error();
    samples.resize(std::min(samples.size(), static_cast<std::size_t>(c.frames)));
    m_lastDecoded = i;
    return samples;
}

}  // namespace noteward::core::audio
