#pragma once

#include "vault/database.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace noteward::sync::server {

// Checkpoints the embedded store's write-ahead log on a thread of its own, so that no writer's
// commit waits while the log is copied into the database file. With SQLite's automatic
// checkpoint (run by whichever commit crosses 1,000 pages, under the write lock) sustained puts
// ran about a fifth slower. The writing connection's automatic checkpoint is replaced: past
// kSoftPages this thread is woken and checkpoints through its own connection (PASSIVE: it
// never blocks a writer or a reader); past kHardPages, should this thread fall behind, the
// committing writer checkpoints itself, so the log stays bounded either way.
class WalCheckpointer {
public:
    static constexpr int kSoftPages = 1000;
    static constexpr int kHardPages = 20000;

    // `own` is a connection of its own to the same store; `writer` is the writing connection,
    // which must outlive this object.
    WalCheckpointer(std::unique_ptr<core::vault::Database> own, core::vault::Database& writer);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    static int afterCommit(void* self, sqlite3* db, const char* schema, int pages);
    void run();

    std::unique_ptr<core::vault::Database> m_own;
    sqlite3* m_writer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace noteward::sync::server
