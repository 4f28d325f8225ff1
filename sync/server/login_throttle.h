#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace noteward::sync::server {

// Back-off on failed logins, kept per key (an e-mail, known or not, so the back-off itself
// tells nothing about which e-mails have accounts; and a client address). After `freeTries`
// failures within a quarter of an hour, each further try waits 30 s, doubling, to 15 min.
// In memory: a restart forgets it, which an attacker cannot cause from outside.
class LoginThrottle {
public:
    explicit LoginThrottle(int freeTries) : m_freeTries(freeTries) {}

    // Seconds to wait before `key` may try again, or nothing.
    std::optional<std::int64_t> retryAfter(const std::string& key, std::int64_t now);
    void failed(const std::string& key, std::int64_t now);
    void succeeded(const std::string& key);

private:
    struct Entry {
        int failures = 0;
        std::int64_t firstAt = 0;
        std::int64_t lastAt = 0;
    };
    void forgetOld(std::int64_t now);

    int m_freeTries;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

}  // namespace noteward::sync::server
