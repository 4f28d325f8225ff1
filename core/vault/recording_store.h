#pragma once

#include "crypto/secret_bytes.h"
#include "util/bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

struct RecordingRow {
    std::string id;
    std::string sessionId;
    std::string recordedBy;
    Bytes wrappedKey;
    std::string codec;
    int sampleRate = 0;
    std::string source;  // "microphone:<device>" or "import"
    std::string status;  // recording | complete | recovered
    std::string startedAt;
    std::optional<std::string> endedAt;
    std::int64_t frames = 0;
    std::int64_t chunkCount = 0;
    std::int64_t droppedFrames = 0;
    std::int64_t recorderPid = 0;  // the process writing it, while status is "recording"
};

struct ChunkRow {
    std::int64_t index = 0;
    bool isLast = false;
    std::int64_t frames = 0;
    Bytes data;
};

// Rows of recordings and their encrypted chunks. Each appendChunk() is its own transaction,
// so a crash or power cut loses at most the chunk being written.
class RecordingStore {
public:
    explicit RecordingStore(Database& db) : m_db(db) {}

    void insert(const RecordingRow& row);
    void appendChunk(const std::string& recordingId, const ChunkRow& chunk, std::int64_t totalFrames,
                     std::int64_t droppedFrames);
    void finish(const std::string& recordingId, const std::string& status);
    std::optional<RecordingRow> latestForSession(const std::string& sessionId);
    std::optional<RecordingRow> get(const std::string& recordingId);
    std::vector<ChunkRow> chunks(const std::string& recordingId);
    crypto::SecretBytes userSecret(const std::string& userId, const std::string& name, std::size_t sizeIfNew);

private:
    Database& m_db;
};

// Closes recordings left open by a crash (their recorder process is gone): they become
// "recovered", keeping every committed chunk. Returns their ids. Called at every unlock.
std::vector<std::string> recoverUnfinishedRecordings(Database& db);

}  // namespace noteward::core::vault
