#include "audio/recording_writer.h"

#include "crypto/random.h"
#include "util/clock.h"
#include "vault/database.h"
#include "vault/guarded.h"
#include "vault/recording_store.h"

#include <algorithm>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace noteward::core::audio {

namespace {
constexpr int kFallbackRate = 16000;  // wideband: what speech needs, where the device rate is not Opus's

std::int64_t currentPid()
{
#ifndef _WIN32
    return ::getpid();
#else
    return 0;
#endif
}
}  // namespace

Result<std::unique_ptr<RecordingWriter>> RecordingWriter::begin(vault::Database& db, const RecordingTarget& target,
                                                                int inputRate)
{
    if (inputRate < 8000 || inputRate > 192000)
        return makeError(ErrorCode::InvalidInput, "Unsupported sample rate " + std::to_string(inputRate) + " Hz.");
    const int codecRate = isOpusRate(inputRate) ? inputRate : kFallbackRate;
    return vault::guarded([&]() -> Result<std::unique_ptr<RecordingWriter>> {
        vault::RecordingStore store(db);
        const std::string id = crypto::randomUuid();
        auto key = crypto::randomSecret(32);
        vault::Transaction tx(db);
        const crypto::SecretBytes secret = store.userSecret(target.userId, "recording-wrap", 32);
        vault::RecordingRow row;
        row.id = id;
        row.sessionId = target.sessionId;
        row.recordedBy = target.userId;
        row.wrappedKey = wrapRecordingKey(secret.view(), key, id);
        row.codec = "opus";
        row.sampleRate = codecRate;
        row.source = target.source;
        row.status = "recording";
        row.startedAt = nowUtcIso8601();
        row.recorderPid = currentPid();
        store.insert(row);
        tx.commit();
        return std::unique_ptr<RecordingWriter>(new RecordingWriter(db, id, std::move(key), inputRate, codecRate));
    });
}

RecordingWriter::RecordingWriter(vault::Database& db, std::string id, crypto::SecretBytes key, int inputRate, int codecRate)
    : m_db(db), m_id(std::move(id)), m_cipher(key, m_id), m_codecRate(codecRate), m_encoder(codecRate)
{
    if (inputRate != codecRate) m_resampler = std::make_unique<Resampler>(inputRate, codecRate);
    m_pending.reserve(static_cast<std::size_t>(codecRate));
}

RecordingWriter::~RecordingWriter() = default;

Result<void> RecordingWriter::write(const float* samples, std::size_t count)
{
    if (m_finished) return makeError(ErrorCode::Internal, "write after the recording was finished");
    if (m_resampler) {
        m_converted.clear();
        m_resampler->process(samples, count, false, m_converted);
        m_pending.insert(m_pending.end(), m_converted.begin(), m_converted.end());
    } else {
        m_pending.insert(m_pending.end(), samples, samples + count);
    }
    return encodeAvailable();
}

Result<void> RecordingWriter::encodeAvailable()
{
    const auto frameSize = static_cast<std::size_t>(m_encoder.frameSize());
    std::size_t used = 0;
    while (m_pending.size() - used >= frameSize) {
        m_packets.push_back(m_encoder.encodeFrame(m_pending.data() + used));
        used += frameSize;
        m_chunkFrames += static_cast<std::int64_t>(frameSize);
        if (m_packets.size() == static_cast<std::size_t>(kPacketsPerChunk)) {
            if (auto r = commitChunk(false); !r) {
                m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(used));
                return r;
            }
        }
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(used));
    return Ok{};
}

Result<void> RecordingWriter::storeChunk(const vault::ChunkRow& chunk)
{
    return vault::guarded([&]() -> Result<void> {
        vault::RecordingStore(m_db).appendChunk(m_id, chunk, m_frames + chunk.frames, m_dropped);
        return Ok{};
    });
}

Result<void> RecordingWriter::commitChunk(bool last)
{
    // A chunk sealed earlier whose commit failed goes in first, exactly as it was sealed: its
    // nonce (the index) is never used again for other content.
    if (m_unstored) {
        if (auto r = storeChunk(*m_unstored); !r) return r;
        m_frames += m_unstored->frames;
        m_unstored.reset();
    }
    vault::ChunkRow chunk{m_nextIndex, last, m_chunkFrames, m_cipher.seal(m_nextIndex, last, m_chunkFrames, m_packets)};
    ++m_nextIndex;  // consumed by this seal, whatever happens to the commit
    m_chunkFrames = 0;
    m_packets.clear();
    if (auto r = storeChunk(chunk); !r) {
        m_unstored = std::move(chunk);  // kept in memory; earlier chunks are safe on disk
        return r;
    }
    m_frames += chunk.frames;
    return Ok{};
}

Result<void> RecordingWriter::finish()
{
    if (m_finished) return Ok{};
    if (m_resampler) {
        m_converted.clear();
        m_resampler->process(nullptr, 0, true, m_converted);
        m_pending.insert(m_pending.end(), m_converted.begin(), m_converted.end());
    }
    if (auto r = encodeAvailable(); !r) return r;
    if (!m_pending.empty()) {
        // The last partial frame: padded with silence, but only its real samples are counted.
        const std::size_t real = m_pending.size();
        m_pending.resize(static_cast<std::size_t>(m_encoder.frameSize()), 0.0f);
        m_packets.push_back(m_encoder.encodeFrame(m_pending.data()));
        m_chunkFrames += static_cast<std::int64_t>(real);
        m_pending.clear();
    }
    if (auto r = commitChunk(true); !r) return r;
    m_finished = true;
    return vault::guarded([&]() -> Result<void> {
        vault::RecordingStore(m_db).finish(m_id, "complete");
        return Ok{};
    });
}

}  // namespace noteward::core::audio
