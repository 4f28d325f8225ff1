#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace noteward::sync::server {

// Per-session request limits: a token bucket per signed-in session (keyed by the token's
// hash), `perSecond` requests a second on average with bursts of ten seconds' worth, so a
// device's first sync runs at full speed and a runaway or stolen token cannot monopolise the
// store. Only sessions a route admitted get a bucket (charged after the answer), so made-up
// tokens cannot grow the table; idle buckets are forgotten, and the table is capped. Requests
// already in flight when a bucket empties still finish (the check is before, the charge
// after). In memory, per server process.
class SessionRateLimiter {
public:
    explicit SessionRateLimiter(double perSecond) : m_rate(perSecond), m_burst(perSecond * 10) {}

    // The clock its callers pass as `now`: seconds on the steady clock.
    static double secondsNow();

    // Whole seconds until the session may make another request, or nothing when it may now.
    std::optional<std::int64_t> retryAfter(const std::string& tokenHash, double now);
    // One request made by a valid session.
    void charge(const std::string& tokenHash, double now);

private:
    struct Bucket {
        double tokens = 0;
        double at = 0;
    };
    void refill(Bucket& bucket, double now) const;
    static constexpr std::size_t kMaxBuckets = 100000;

    double m_rate;
    double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    double m_lastSweep = 0;
};

}  // namespace noteward::sync::server
