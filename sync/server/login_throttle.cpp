#include "server/login_throttle.h"

#include <algorithm>

namespace noteward::sync::server {

namespace {
constexpr std::int64_t kWindowSeconds = 15 * 60;
constexpr std::int64_t kFirstWait = 30;
constexpr std::int64_t kLongestWait = 15 * 60;
constexpr std::size_t kMaxEntries = 100000;  // memory stays bounded under a spray of keys
}  // namespace

std::optional<std::int64_t> LoginThrottle::retryAfter(const std::string& key, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.failures < m_freeTries) return std::nullopt;
    if (now - it->second.lastAt > kWindowSeconds) return std::nullopt;
    const int over = std::min(it->second.failures - m_freeTries, 10);
    const std::int64_t wait = std::min(kLongestWait, kFirstWait << over);
    const std::int64_t left = it->second.lastAt + wait - now;
    return left > 0 ? std::optional<std::int64_t>(left) : std::nullopt;
}

void LoginThrottle::failed(const std::string& key, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= kMaxEntries) forgetOld(now);
    auto& e = m_entries[key];
    if (e.failures > 0 && now - e.lastAt > kWindowSeconds) e = Entry{};
    if (e.failures == 0) e.firstAt = now;
    ++e.failures;
    e.lastAt = now;
}

void LoginThrottle::succeeded(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(key);
}

void LoginThrottle::forgetOld(std::int64_t now)
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = now - it->second.lastAt > kWindowSeconds ? m_entries.erase(it) : std::next(it);
    // Still full of recent entries: the oldest half goes (a spray must not grow memory).
    if (m_entries.size() >= kMaxEntries) {
        std::size_t drop = m_entries.size() / 2;
        for (auto it = m_entries.begin(); it != m_entries.end() && drop > 0; --drop) it = m_entries.erase(it);
    }
}

}  // namespace noteward::sync::server
