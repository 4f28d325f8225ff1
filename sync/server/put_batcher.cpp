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
        std::size_t answered = 0;
        try {
            std::vector<PendingPut> puts;
            puts.reserve(batch.size());
            for (const Queued* q : batch) puts.push_back(q->put);
            auto outcomes = m_write(puts);
            for (; answered < batch.size(); ++answered) {
                if (answered < outcomes.size())
                    batch[answered]->answer.set_value(std::move(outcomes[answered]));
                else
                    batch[answered]->answer.set_value(core::makeError(core::ErrorCode::Io, "The store did not answer this write."));
            }
        } catch (...) {
            // Out of memory and the like: every request still waiting hears of it, none waits
            // for ever, and the thread goes on.
            for (; answered < batch.size(); ++answered) batch[answered]->answer.set_exception(std::current_exception());
        }
    }
}

}  // namespace noteward::sync::server
