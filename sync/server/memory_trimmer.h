#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace noteward::sync::server {

// Hands memory that the server's threads have freed back to the system every so often. Under
// steady load glibc's allocator keeps freed memory in each thread arena's free lists: the
// server's live heap stayed under 6 MiB while its resident size grew about 0.5 MiB a minute,
// and malloc_trim gave back 3 MiB at once. Elsewhere (another C library) this does nothing.
class MemoryTrimmer {
public:
    explicit MemoryTrimmer(std::chrono::milliseconds every);
    ~MemoryTrimmer();
    MemoryTrimmer(const MemoryTrimmer&) = delete;
    MemoryTrimmer& operator=(const MemoryTrimmer&) = delete;

    // Gives back what can be given now; returns whether anything was.
    static bool trimNow();

private:
    void run();

    std::chrono::milliseconds m_every;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;  // started last, joined first
};

}  // namespace noteward::sync::server
