#include "server/session_rate_limiter.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace noteward::sync::server {

double SessionRateLimiter::secondsNow()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void SessionRateLimiter::refill(Bucket& bucket, double now) const
{
    bucket.tokens = std::min(m_burst, bucket.tokens + (now - bucket.at) * m_rate);
    bucket.at = now;
}

std::optional<std::int64_t> SessionRateLimiter::retryAfter(const std::string& tokenHash, double now)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_buckets.find(tokenHash);
    if (found == m_buckets.end()) return std::nullopt;
    refill(found->second, now);
    if (found->second.tokens >= 1) return std::nullopt;
    return static_cast<std::int64_t>(std::ceil((1 - found->second.tokens) / m_rate));
}

void SessionRateLimiter::charge(const std::string& tokenHash, double now)
{
    std::lock_guard lock(m_mutex);
    // Bounded: sessions are, but a flood of sign-ins must not grow this without end.
    if (m_buckets.size() >= kMaxBuckets && !m_buckets.count(tokenHash)) return;
    auto [at, made] = m_buckets.try_emplace(tokenHash, Bucket{m_burst, now});
    refill(at->second, now);
    at->second.tokens -= 1;
    // A full bucket is the same as none: swept once a minute, so ended sessions go.
    if (now - m_lastSweep >= 60) {
        m_lastSweep = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            refill(it->second, now);
            it = it->second.tokens >= m_burst ? m_buckets.erase(it) : std::next(it);
        }
    }
}

}  // namespace noteward::sync::server
