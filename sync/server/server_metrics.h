#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace noteward::sync::server {

// Counters for /metrics (Prometheus text format): totals by status class, in flight, and
// uptime. Ids, paths and addresses are never labels (no personal data, bounded series).
class ServerMetrics {
public:
    ServerMetrics();
    void started() { ++m_inFlight; }
    void finished(int status, std::chrono::microseconds took, bool wasInFlight);
    std::string render() const;

private:
    std::chrono::steady_clock::time_point m_start;
    std::atomic<std::int64_t> m_inFlight{0};
    std::array<std::atomic<std::uint64_t>, 6> m_byClass{};  // 0: other, 1xx … 5xx
    std::atomic<std::uint64_t> m_microseconds{0};
};

}  // namespace noteward::sync::server
