#include "server/memory_trimmer.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace noteward::sync::server {

MemoryTrimmer::MemoryTrimmer(std::chrono::milliseconds every) : m_every(every), m_thread([this] { run(); }) {}

MemoryTrimmer::~MemoryTrimmer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool MemoryTrimmer::trimNow()
{
#if defined(__GLIBC__)
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

void MemoryTrimmer::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_every, [this] { return m_stop; })) {
        lock.unlock();
        trimNow();
        lock.lock();
    }
}

}  // namespace noteward::sync::server
