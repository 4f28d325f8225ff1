#include "server/put_batcher.h"

#include <utility>

namespace noteward::sync::server {

PutBatcher::PutBatcher(WriteBatch write) : m_write(std::move(write)), m_writer([this] { writeBatches(); }) {}

PutBatcher::~PutBatcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_one();
    m_writer.join();  // writes already queued are written and answered first
}

core::Result<PutOutcome> PutBatcher::put(const StoredObject& object, std::int64_t baseVersion)
{
    Queued write{{&object, baseVersion}, {}};
    auto answer = write.answer.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(&write);
    }
    m_queued.notify_one();
    return answer.get();
}

void PutBatcher::writeBatches()
{
    for (;;) {
        std::vector<Queued*> batch;
        {
            std::unique_lock lock(m_mutex);
            m_queued.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, and every write answered
            batch.swap(m_queue);
        }
        std::vector<PendingPut> puts;
        puts.reserve(batch.size());
        for (const Queued* q : batch) puts.push_back(q->put);
        std::vector<core::Result<PutOutcome>> outcomes;
        try {
            outcomes = m_write(puts);
        } catch (...) {
            // Out of memory and the like: every waiting request hears of it, none waits forever.
            for (Queued* q : batch) q->answer.set_exception(std::current_exception());
            continue;
        }
        for (std::size_t k = 0; k < batch.size(); ++k) {
            if (k < outcomes.size())
                batch[k]->answer.set_value(std::move(outcomes[k]));
            else
                batch[k]->answer.set_value(core::makeError(core::ErrorCode::Io, "The store did not answer this write."));
        }
    }
}

}  // namespace noteward::sync::server
