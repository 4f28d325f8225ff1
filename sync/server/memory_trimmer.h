#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace noteward::sync::server {

// Hands memory that the server's threads have freed back to the system every so often. Under
// steady load glibc's allocator keeps freed memory in each thread arena's free lists (64
// worker threads, up to 16 arenas on this machine); each trim gave back 0.3-0.5 MiB. Elsewhere
// (another C library) this does nothing.
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
