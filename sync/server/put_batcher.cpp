#include "server/put_batcher.h"

#include <utility>

namespace noteward::sync::server {

PutBatcher::PutBatcher(WriteBatch write, WriteWaiting writeWaiting)
    : m_write(std::move(write)), m_writeWaiting(std::move(writeWaiting)), m_waitingWriter([this] { writeWaitingInTurn(); }),
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
        m_waitingStopping = true;  // nothing more can be handed over
    }
    m_waitingQueued.notify_one();
    m_waitingWriter.join();  // and so are those handed over
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

std::vector<PendingPut> PutBatcher::putsOf(const std::vector<Queued*>& queued)
{
    std::vector<PendingPut> puts;
    puts.reserve(queued.size());
    for (const Queued* q : queued) puts.push_back(q->put);
    return puts;
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
            auto outcomes = m_write(putsOf(batch));
            std::vector<Queued*> later;
            later.reserve(batch.size());
            for (; answered < batch.size(); ++answered) {
                if (answered < outcomes.size() && outcomes[answered])
                    batch[answered]->answer.set_value(std::move(*outcomes[answered]));
                else if (answered < outcomes.size() && m_writeWaiting)
                    later.push_back(batch[answered]);
                else
                    batch[answered]->answer.set_value(core::makeError(core::ErrorCode::Io, "The store did not answer this write."));
            }
            if (!later.empty()) {
                std::size_t handed = 0;
                try {
                    std::lock_guard lock(m_mutex);
                    for (; handed < later.size(); ++handed) m_waitingQueue.push_back(later[handed]);
                } catch (...) {
                    for (; handed < later.size(); ++handed) later[handed]->answer.set_exception(std::current_exception());
                }
                m_waitingQueued.notify_one();
            }
        } catch (...) {
            // Out of memory and the like: every request still waiting hears of it, none waits
            // for ever, and the thread goes on.
            for (; answered < batch.size(); ++answered) batch[answered]->answer.set_exception(std::current_exception());
        }
    }
}

void PutBatcher::writeWaitingInTurn()
{
    for (;;) {
        // The first waiting write's practice, with every other write of it waiting behind.
        std::vector<Queued*> group;
        {
            std::unique_lock lock(m_mutex);
            m_waitingQueued.wait(lock, [&] { return m_waitingStopping || !m_waitingQueue.empty(); });
            if (m_waitingQueue.empty()) return;  // stopping, and every write answered
            const std::string& practiceId = m_waitingQueue.front()->put.object->practiceId;
            try {
                group.reserve(m_waitingQueue.size());
            } catch (...) {
                // Out of memory: the first write hears of it, and the thread goes on.
                Queued* first = m_waitingQueue.front();
                m_waitingQueue.pop_front();
                first->answer.set_exception(std::current_exception());
                continue;
            }
            for (Queued* q : m_waitingQueue)
                if (q->put.object->practiceId == practiceId) group.push_back(q);
            std::erase_if(m_waitingQueue, [&](const Queued* q) { return q->put.object->practiceId == group.front()->put.object->practiceId; });
        }
        std::size_t answered = 0;
        try {
            auto outcomes = m_writeWaiting(putsOf(group));
            for (; answered < group.size(); ++answered)
                group[answered]->answer.set_value(answered < outcomes.size()
                                                      ? std::move(outcomes[answered])
                                                      : core::makeError(core::ErrorCode::Io, "The store did not answer this write."));
        } catch (...) {
            for (; answered < group.size(); ++answered) group[answered]->answer.set_exception(std::current_exception());
        }
    }
}

}  // namespace noteward::sync::server
