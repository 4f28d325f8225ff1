#pragma once

#include <atomic>
#include <cstddef>
#include <vector>

namespace noteward::core::audio {

// A lock-free single-producer/single-consumer ring of samples. The audio callback (producer)
// never allocates, locks or blocks: it writes what fits and reports the rest as dropped.
// Capacity is rounded up to a power of two and fixed at construction.
class SpscRing {
public:
    explicit SpscRing(std::size_t minimumCapacity)
    {
        std::size_t capacity = 1;
        while (capacity < minimumCapacity) capacity <<= 1;
        m_buffer.assign(capacity, 0.0f);
        m_mask = capacity - 1;
    }

    // Producer side. Returns how many samples were written (the rest did not fit).
    std::size_t push(const float* samples, std::size_t count)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        const std::size_t tail = m_tail.load(std::memory_order_acquire);
        const std::size_t room = m_buffer.size() - (head - tail);
        const std::size_t n = count < room ? count : room;
        for (std::size_t i = 0; i < n; ++i) m_buffer[(head + i) & m_mask] = samples[i];
        m_head.store(head + n, std::memory_order_release);
        return n;
    }

    // Consumer side. Returns how many samples were read into `out`.
    std::size_t pop(float* out, std::size_t count)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t head = m_head.load(std::memory_order_acquire);
        const std::size_t available = head - tail;
        const std::size_t n = count < available ? count : available;
        for (std::size_t i = 0; i < n; ++i) out[i] = m_buffer[(tail + i) & m_mask];
        m_tail.store(tail + n, std::memory_order_release);
        return n;
    }

    std::size_t capacity() const { return m_buffer.size(); }
    // Samples waiting; exact for the consumer, a lower bound for the producer.
    std::size_t size() const { return m_head.load(std::memory_order_acquire) - m_tail.load(std::memory_order_acquire); }

private:
    std::vector<float> m_buffer;
    std::size_t m_mask = 0;
    alignas(64) std::atomic<std::size_t> m_head{0};
    alignas(64) std::atomic<std::size_t> m_tail{0};
};

}  // namespace noteward::core::audio
