#include "server/store_lock.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

core::Result<StoreLock> StoreLock::take(const std::filesystem::path& file, Mode mode, Wait wait)
{
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return makeError(ErrorCode::Io, "Cannot lock the store: " + file.string() + " cannot be opened.");
    StoreLock lock(fd, file);
    if (auto taken = lock.change(mode, wait); !taken) return taken.error();
    return lock;
}

core::Result<void> StoreLock::change(Mode mode, Wait wait)
{
    const int operation = (mode == Mode::Exclusive ? LOCK_EX : LOCK_SH) | (wait == Wait::Try ? LOCK_NB : 0);
    int rc;
    do rc = ::flock(m_fd, operation);
    while (rc != 0 && errno == EINTR);
    if (rc == 0) return core::Ok{};
    if (errno == EWOULDBLOCK) return makeError(ErrorCode::Busy, "The store's lock " + m_file.string() + " is held by another process.");
    return makeError(ErrorCode::Io, "Cannot lock the store: " + m_file.string() + ".");
}

StoreLock::StoreLock(StoreLock&& other) noexcept : m_fd(other.m_fd), m_file(std::move(other.m_file)) { other.m_fd = -1; }

StoreLock& StoreLock::operator=(StoreLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        m_file = std::move(other.m_file);
        other.m_fd = -1;
    }
    return *this;
}

StoreLock::~StoreLock() { release(); }

void StoreLock::release()
{
    if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
    m_fd = -1;
}

}  // namespace noteward::sync::server
