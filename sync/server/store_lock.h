#pragma once

#include "util/result.h"

#include <filesystem>

namespace noteward::sync::server {

// An flock(2) on one of the embedded store's lock files, released when destroyed. Two are used:
//  - store.lock, the opening lock: held exclusively while a process opens (makes, migrates,
//    sweeps) the store, and by a restore from start to end;
//  - store.inuse: shared while a server or admin command has the store open; a restore (and
//    the sweep at opening) needs it alone.
class StoreLock {
public:
    enum class Mode { Shared, Exclusive };
    enum class Wait { Block, Try };

    static std::filesystem::path openingPath(const std::filesystem::path& dataDir) { return dataDir / "store.lock"; }
    static std::filesystem::path inUsePath(const std::filesystem::path& dataDir) { return dataDir / "store.inuse"; }

    // Busy when `Wait::Try` finds the lock held elsewhere; Io when the file cannot be opened.
    static core::Result<StoreLock> take(const std::filesystem::path& file, Mode mode, Wait wait);
    // Moves to the other mode on the same file (flock converts in place, not atomically).
    core::Result<void> change(Mode mode, Wait wait);

    StoreLock(StoreLock&& other) noexcept;
    StoreLock& operator=(StoreLock&& other) noexcept;
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    ~StoreLock();

    void release();

private:
    explicit StoreLock(int fd, std::filesystem::path file) : m_fd(fd), m_file(std::move(file)) {}
    int m_fd = -1;
    std::filesystem::path m_file;
};

}  // namespace noteward::sync::server
