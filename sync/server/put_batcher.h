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
// holds for long): those go to a second thread, which hands `WriteWaiting` the queued writes
// of one practice at a time, to be written together once that practice's locks are free. So a
// busy practice holds up its own writes (and other busy practices' behind it), never the next
// batch.
class PutBatcher {
public:
    // Writes the batch and answers each put, in order (the answers have the batch's size); an
    // empty answer hands that put to WriteWaiting.
    using WriteBatch = std::function<std::vector<std::optional<core::Result<PutOutcome>>>(const std::vector<PendingPut>&)>;
    // Writes of one practice, waiting for its locks as long as the store allows; answers in order.
    using WriteWaiting = std::function<std::vector<core::Result<PutOutcome>>(const std::vector<PendingPut>&)>;

    explicit PutBatcher(WriteBatch write, WriteWaiting writeWaiting = {});
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
    static std::vector<PendingPut> putsOf(const std::vector<Queued*>& queued);
    void writeBatches();
    void writeWaitingInTurn();

    WriteBatch m_write;
    WriteWaiting m_writeWaiting;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::vector<Queued*> m_queue;
    std::deque<Queued*> m_waitingQueue;  // handed over by the batch writer
    std::condition_variable m_waitingQueued;
    bool m_stopping = false;
    bool m_waitingStopping = false;
    std::thread m_waitingWriter;  // started before, and joined after, the batch writer
    std::thread m_writer;       // started last, joined first
};

}  // namespace noteward::sync::server
