#pragma once

#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace noteward::sync::server {

enum class Role { Therapist, PracticeManager, Admin };
std::string_view roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

struct Practice {
    std::string id;
    std::string name;
};

// Who is invited, to which practice and as what. The token itself is never stored: only its
// SHA-256, so a copy of the database cannot be used to join.
struct Invitation {
    std::string practiceId;
    std::string email;  // normalised
    Role role = Role::Therapist;
    std::int64_t expiresAt = 0;  // Unix seconds
};

struct Account {
    std::string id;
    std::string practiceId;
    std::string email;
    Role role = Role::Therapist;
    std::string authHash;    // Argon2id of the client-derived auth key, PHC string
    std::string totpSecret;  // base32; the store is encrypted at rest
    bool mfaConfirmed = false;
};

// A login: only the token's SHA-256 is kept. Idle and absolute expiry are checked on use.
struct SessionRow {
    std::string tokenHash;
    std::string accountId;
    std::int64_t createdAt = 0;
    std::int64_t lastSeen = 0;
    std::int64_t expiresAt = 0;  // absolute
};

// Storage behind noteward-syncd. Two backends pass one test suite: the embedded SQLCipher
// store and (later) PostgreSQL. Every method is safe to call from the server's worker threads.
class ServerStore {
public:
    virtual ~ServerStore() = default;

    virtual core::Result<Practice> createPractice(const std::string& name) = 0;
    virtual core::Result<std::optional<Practice>> practice(const std::string& id) = 0;

    virtual core::Result<void> putInvitation(const std::string& tokenHash, const Invitation& invitation) = 0;
    // Joins with an invitation in one step: the invitation is consumed (single use) and the
    // account created, or neither. NotFound for an unknown, used or expired token (one
    // message for all three); AlreadyExists for an e-mail with an account.
    virtual core::Result<Account> redeemInvitation(const std::string& tokenHash, const std::string& email,
                                                   const Account& account, std::int64_t now) = 0;
    virtual core::Result<std::optional<Account>> accountByEmail(const std::string& email) = 0;
    virtual core::Result<std::optional<Account>> accountById(const std::string& id) = 0;

    // Records `step` as the account's last accepted TOTP step if it is later than the one
    // stored (and confirms the second factor); false when it is not: a replayed code.
    virtual core::Result<bool> acceptTotpStep(const std::string& accountId, std::uint64_t step) = 0;

    virtual core::Result<void> putSession(const SessionRow& session) = 0;
    // The session if it is still valid at `now` (last seen within `idleSeconds`, before its
    // absolute expiry), its last use moved to `now`; an expired one is deleted.
    virtual core::Result<std::optional<SessionRow>> useSession(const std::string& tokenHash, std::int64_t now,
                                                               std::int64_t idleSeconds) = 0;
    virtual core::Result<void> deleteSession(const std::string& tokenHash) = 0;
    // Every session of an account (on a password or second-factor change).
    virtual core::Result<void> deleteSessionsOf(const std::string& accountId) = 0;
};

}  // namespace noteward::sync::server
