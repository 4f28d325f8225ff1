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
// unlock-failures.log held lines that are not times Noteward wrote (object id: their count).
inline constexpr std::string_view kUnlockFailuresUnreadable = "vault.unlock_failures_unreadable";
inline constexpr std::string_view kPassphraseChanged = "vault.passphrase_changed";
inline constexpr std::string_view kVaultRestored = "vault.restored";
inline constexpr std::string_view kVaultRekeyed = "vault.rekeyed";
inline constexpr std::string_view kPracticeUpdated = "practice.updated";
inline constexpr std::string_view kUserUpdated = "user.updated";
inline constexpr std::string_view kClientCreated = "client.created";
inline constexpr std::string_view kClientUpdated = "client.updated";
inline constexpr std::string_view kClientDeleted = "client.deleted";
inline constexpr std::string_view kSessionCreated = "session.created";
inline constexpr std::string_view kSessionUpdated = "session.updated";
inline constexpr std::string_view kSessionDeleted = "session.deleted";
// A restore replaced a vault whose log had reached the head named in the entry (seq:hash):
// what came after the backup is gone, and the log says so.
inline constexpr std::string_view kVaultRolledBack = "vault.rolled_back";
// At unlock the log ended before the head recorded beside the vault (seq:hash): entries were
// cut from its end while Noteward was not running.
inline constexpr std::string_view kTailMissing = "audit.tail_missing";
// At unlock the head record beside the vault was missing although one had been written.
inline constexpr std::string_view kHeadMissing = "audit.head_missing";
// The therapist's Ed25519 signature over the entry before it (seq:hash:signature).
inline constexpr std::string_view kCheckpoint = "audit.checkpoint";
}  // namespace action

// The newest entry of a log: what a later check compares the log against.
struct AuditHead {
    std::int64_t seq = 0;
    std::string hash;
};

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
    std::int64_t checkpointsVerified = 0;
    std::vector<AuditProblem> problems;
    // Not failures, but what a reader must know: restores that rolled the log back.
    std::vector<AuditProblem> notices;
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

    std::optional<AuditHead> head() const;

    // `signingKeys`: the hex Ed25519 public keys that may sign checkpoints; `vaultId` is bound
    // into each checkpoint's signature.
    AuditVerification verify(const std::vector<std::string>& signingKeys = {}, std::string_view vaultId = {}) const;

    static std::string computeHash(const AuditEntry& entry);
    // What a checkpoint signs: the vault and the entry it follows.
    static std::string checkpointMessage(std::string_view vaultId, const AuditHead& head);

private:
    vault::Database& m_db;
};

}  // namespace noteward::core::audit
