#include "server/wal_checkpointer.h"

#include <sqlite3.h>

namespace noteward::sync::server {

WalCheckpointer::WalCheckpointer(std::unique_ptr<core::vault::Database> own, core::vault::Database& writer)
    : m_own(std::move(own)), m_writer(writer.handle())
{
    // Replaces the automatic checkpoint (itself a WAL hook) of the writing connection.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::afterCommit, this);
    m_thread = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int WalCheckpointer::afterCommit(void* self, sqlite3* db, const char* schema, int pages)
{
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (pages >= kHardPages) {
        // Behind: the writer copies what it can itself (PASSIVE, as the automatic one does).
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (pages >= kSoftPages) {
        {
            const std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_due = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop) return;
        m_due = false;
        lock.unlock();
        // A checkpoint that cannot finish now (a reader still needs older pages) copies what it
        // can; the next commit past the threshold asks again.
        sqlite3_wal_checkpoint_v2(m_own->handle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
}

}  // namespace noteward::sync::server
