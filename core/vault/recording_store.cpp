#include "vault/recording_store.h"

#include "crypto/random.h"
#include "util/clock.h"
#include "vault/database.h"

#include <cerrno>
#ifndef _WIN32
#include <signal.h>
#include <unistd.h>
#endif

namespace noteward::core::vault {

namespace {
bool processAlive(std::int64_t pid)
{
#ifndef _WIN32
    if (pid <= 0) return false;
    if (pid == ::getpid()) return true;  // a recorder in this very process is still going
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#else
    (void)pid;
    return false;
#endif
}

constexpr std::string_view kColumns =
    "SELECT id, session_id, recorded_by, wrapped_key, codec, sample_rate, source, status, started_at, ended_at, "
    "frames, chunk_count, dropped_frames, recorder_pid FROM recordings ";

RecordingRow readRow(const Statement& st)
{
    RecordingRow r;
    r.id = st.text(0);
    r.sessionId = st.text(1);
    r.recordedBy = st.text(2);
    r.wrappedKey = st.blob(3);
    r.codec = st.text(4);
    r.sampleRate = static_cast<int>(st.int64(5));
    r.source = st.text(6);
    r.status = st.text(7);
    r.startedAt = st.text(8);
    r.endedAt = st.optionalText(9);
    r.frames = st.int64(10);
    r.chunkCount = st.int64(11);
    r.droppedFrames = st.int64(12);
    r.recorderPid = st.int64(13);
    return r;
}
}  // namespace

void RecordingStore::insert(const RecordingRow& r)
{
    m_db.prepare("INSERT INTO recordings (id, session_id, recorded_by, wrapped_key, codec, sample_rate, source, status, "
                 "started_at, recorder_pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);")
        .bind(1, r.id)
        .bind(2, r.sessionId)
        .bind(3, r.recordedBy)
        .bind(4, ByteView(r.wrappedKey))
        .bind(5, r.codec)
        .bind(6, std::int64_t{r.sampleRate})
        .bind(7, r.source)
        .bind(8, r.status)
        .bind(9, r.startedAt)
        .bind(10, r.recorderPid)
        .run();
}

void RecordingStore::appendChunk(const std::string& recordingId, const ChunkRow& c, std::int64_t totalFrames,
                                 std::int64_t droppedFrames)
{
    Transaction tx(m_db);
    m_db.prepare("INSERT INTO recording_chunks (recording_id, idx, is_last, frames, data) VALUES (?, ?, ?, ?, ?);")
        .bind(1, recordingId)
        .bind(2, c.index)
        .bind(3, std::int64_t{c.isLast ? 1 : 0})
        .bind(4, c.frames)
        .bind(5, ByteView(c.data))
        .run();
    m_db.prepare("UPDATE recordings SET frames = ?, chunk_count = ?, dropped_frames = ? WHERE id = ?;")
        .bind(1, totalFrames)
        .bind(2, c.index + 1)
        .bind(3, droppedFrames)
        .bind(4, recordingId)
        .run();
    tx.commit();
}

void RecordingStore::finish(const std::string& recordingId, const std::string& status)
{
    m_db.prepare("UPDATE recordings SET status = ?, ended_at = ? WHERE id = ?;")
        .bind(1, status)
        .bind(2, nowUtcIso8601())
        .bind(3, recordingId)
        .run();
}

std::optional<RecordingRow> RecordingStore::latestForSession(const std::string& sessionId)
{
    auto st = m_db.prepare(std::string(kColumns) + "WHERE session_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1;");
    st.bind(1, sessionId);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

std::optional<RecordingRow> RecordingStore::get(const std::string& recordingId)
{
    auto st = m_db.prepare(std::string(kColumns) + "WHERE id = ?;");
    st.bind(1, recordingId);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

std::vector<ChunkRow> RecordingStore::chunks(const std::string& recordingId)
{
    auto st = m_db.prepare("SELECT idx, is_last, frames, data FROM recording_chunks WHERE recording_id = ? ORDER BY idx;");
    st.bind(1, recordingId);
    std::vector<ChunkRow> out;
    while (st.step()) out.push_back({st.int64(0), st.int64(1) != 0, st.int64(2), st.blob(3)});
    return out;
}

crypto::SecretBytes RecordingStore::userSecret(const std::string& userId, const std::string& name, std::size_t sizeIfNew)
{
    {
        auto st = m_db.prepare("SELECT secret FROM user_secrets WHERE user_id = ? AND name = ?;");
        st.bind(1, userId).bind(2, name);
        if (st.step()) return st.secretBlob(0);
    }
    crypto::SecretBytes secret = crypto::randomSecret(sizeIfNew);
    m_db.prepare("INSERT INTO user_secrets (user_id, name, secret) VALUES (?, ?, ?);")
        .bind(1, userId)
        .bind(2, name)
        .bind(3, secret.view())
        .run();
    return secret;
}

std::vector<std::string> recoverUnfinishedRecordings(Database& db)
{
    std::vector<std::string> ids;
    {
        auto st = db.prepare("SELECT id, recorder_pid FROM recordings WHERE status = 'recording';");
        while (st.step())
            if (!processAlive(st.int64(1))) ids.push_back(st.text(0));
    }
    for (const auto& id : ids)
        db.prepare("UPDATE recordings SET status = 'recovered', ended_at = ? WHERE id = ?;")
            .bind(1, nowUtcIso8601())
            .bind(2, id)
            .run();
    return ids;
}

}  // namespace noteward::core::vault
