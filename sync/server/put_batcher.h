#pragma once

#include "server/server_store.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace noteward::sync::server {

// One object write waiting for its batch.
struct PendingPut {
    const StoredObject* object;
    std::int64_t baseVersion;
};

// Group commit of object writes, for either store. Requests queue their write and wait; one
// writer thread takes everything queued and hands it to the store's `WriteBatch`, which writes
// it in one transaction and commits once, so concurrent writers share one commit (one fsync,
// one turn of the practice's lock) and each is answered only once its write is durable. While
// a batch commits the next one gathers: the batch grows with the load, and no request waits on
// a timer.
//
// A store may leave some writes of a batch unanswered (a practice whose locks someone else
// holds): those are written one at a time by `WriteAlone` on a second thread, so that one
// busy practice holds up its own writes only, never the next batch.
class PutBatcher {
public:
    // Writes the batch and answers each put, in order (the answers have the batch's size); an
    // empty answer hands that put to WriteAlone.
    using WriteBatch = std::function<std::vector<std::optional<core::Result<PutOutcome>>>(const std::vector<PendingPut>&)>;
    using WriteAlone = std::function<core::Result<PutOutcome>(const PendingPut&)>;

    explicit PutBatcher(WriteBatch write, WriteAlone writeAlone = {});
    // Writes and answers what is already queued, then stops.
    ~PutBatcher();
    PutBatcher(const PutBatcher&) = delete;
    PutBatcher& operator=(const PutBatcher&) = delete;

    // Queues the write and waits for its answer.
    core::Result<PutOutcome> put(const StoredObject& object, std::int64_t baseVersion);

private:
    struct Queued {
        PendingPut put;
        std::promise<core::Result<PutOutcome>> answer;
    };
    void writeBatches();
    void writeAloneInTurn();

    WriteBatch m_write;
    WriteAlone m_writeAlone;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::vector<Queued*> m_queue;
    std::deque<Queued*> m_aloneQueue;  // handed over by the batch writer
    std::condition_variable m_aloneQueued;
    bool m_stopping = false;
    bool m_aloneStopping = false;
    std::thread m_aloneWriter;  // started before, and joined after, the batch writer
    std::thread m_writer;       // started last, joined first
};

}  // namespace noteward::sync::server
