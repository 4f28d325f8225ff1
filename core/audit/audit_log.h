#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::vault {
class Database;
}

namespace noteward::core::audit {

// Action names stored in the log. Ids and hashes only ever accompany them, never names or
// clinical text, so the log survives an erasure intact.
namespace action {
inline constexpr std::string_view kVaultCreated = "vault.created";
inline constexpr std::string_view kVaultUnlocked = "vault.unlocked";
inline constexpr std::string_view kUnlockFailed = "vault.unlock_failed";
inline constexpr std::string_view kPassphraseChanged = "vault.passphrase_changed";
inline constexpr std::string_view kVaultRestored = "vault.restored";
inline constexpr std::string_view kPracticeUpdated = "practice.updated";
inline constexpr std::string_view kUserUpdated = "user.updated";
inline constexpr std::string_view kClientCreated = "client.created";
inline constexpr std::string_view kClientUpdated = "client.updated";
inline constexpr std::string_view kClientDeleted = "client.deleted";
inline constexpr std::string_view kSessionCreated = "session.created";
inline constexpr std::string_view kSessionUpdated = "session.updated";
inline constexpr std::string_view kSessionDeleted = "session.deleted";
}  // namespace action

struct AuditEntry {
    std::int64_t seq = 0;
    std::string time;
    std::string actor;       // local user id, or "system"
    std::string action;
    std::string objectType;  // "vault", "client", "session", …
    std::string objectId;
    std::string prevHash;    // hex SHA-256 of the previous entry; 64 zeros for the first
    std::string hash;        // hex SHA-256 over this entry's fields and prevHash
};

struct AuditProblem {
    std::int64_t seq = 0;  // the entry at which the problem shows
    std::string description;
};

struct AuditVerification {
    std::int64_t entriesChecked = 0;
    std::vector<AuditProblem> problems;
    bool ok() const { return problems.empty(); }
};

// The hash-chained log inside the vault. append() must run inside the caller's transaction,
// so an audited change and its entry commit or vanish together.
class AuditLog {
public:
    explicit AuditLog(vault::Database& db) : m_db(db) {}

    AuditEntry append(std::string_view actor, std::string_view action, std::string_view objectType,
                      std::string_view objectId, std::optional<std::string> time = std::nullopt);

    // Newest last; `limit` 0 means all.
    std::vector<AuditEntry> list(std::int64_t limit = 0) const;

    AuditVerification verify() const;

    static std::string computeHash(const AuditEntry& entry);

private:
    vault::Database& m_db;
};

}  // namespace noteward::core::audit
