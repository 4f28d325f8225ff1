#include "server/put_batcher.h"

#include <utility>

namespace noteward::sync::server {

PutBatcher::PutBatcher(WriteBatch write, WriteAlone writeAlone)
    : m_write(std::move(write)), m_writeAlone(std::move(writeAlone)), m_aloneWriter([this] { writeAloneInTurn(); }),
      m_writer([this] { writeBatches(); })
{
}

PutBatcher::~PutBatcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_one();
    m_writer.join();  // writes already queued are written and answered first
    {
        std::lock_guard lock(m_mutex);
        m_aloneStopping = true;  // nothing more can be handed over
    }
    m_aloneQueued.notify_one();
    m_aloneWriter.join();  // and so are those handed over
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
            std::vector<Queued*> later;
            later.reserve(batch.size());
            for (; answered < batch.size(); ++answered) {
                if (answered < outcomes.size() && outcomes[answered])
                    batch[answered]->answer.set_value(std::move(*outcomes[answered]));
                else if (answered < outcomes.size() && m_writeAlone)
                    later.push_back(batch[answered]);
                else
                    batch[answered]->answer.set_value(core::makeError(core::ErrorCode::Io, "The store did not answer this write."));
            }
            if (!later.empty()) {
                std::size_t handed = 0;
                try {
                    std::lock_guard lock(m_mutex);
                    for (; handed < later.size(); ++handed) m_aloneQueue.push_back(later[handed]);
                } catch (...) {
                    for (; handed < later.size(); ++handed) later[handed]->answer.set_exception(std::current_exception());
                }
                m_aloneQueued.notify_one();
            }
        } catch (...) {
            // Out of memory and the like: every request still waiting hears of it, none waits
            // for ever, and the thread goes on.
            for (; answered < batch.size(); ++answered) batch[answered]->answer.set_exception(std::current_exception());
        }
    }
}

void PutBatcher::writeAloneInTurn()
{
    for (;;) {
        Queued* write = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_aloneQueued.wait(lock, [&] { return m_aloneStopping || !m_aloneQueue.empty(); });
            if (m_aloneQueue.empty()) return;  // stopping, and every write answered
            write = m_aloneQueue.front();
            m_aloneQueue.pop_front();
        }
        try {
            write->answer.set_value(m_writeAlone(write->put));
        } catch (...) {
            write->answer.set_exception(std::current_exception());
        }
    }
}

}  // namespace noteward::sync::server
