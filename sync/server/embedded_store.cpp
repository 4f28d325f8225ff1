#include "server/embedded_store.h"

#include "crypto/random.h"
#include "util/hex.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"

#include <array>
#include <ctime>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;
using core::vault::Database;
using core::vault::Transaction;

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Therapist: return "therapist";
    case Role::PracticeManager: return "practice_manager";
    case Role::Admin: return "admin";
    }
    return "therapist";
}

std::optional<Role> roleFromName(std::string_view name)
{
    for (const Role r : {Role::Therapist, Role::PracticeManager, Role::Admin})
        if (roleName(r) == name) return r;
    return std::nullopt;
}

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Each step runs once, in order, inside one transaction with its user_version.
constexpr std::array kMigrations = {
    Migration{1, R"sql(
        CREATE TABLE practices (
            id         TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE invitations (
            token_hash  TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL REFERENCES practices(id),
            email       TEXT NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('therapist', 'practice_manager', 'admin')),
            expires_at  INTEGER NOT NULL
        );
        CREATE TABLE accounts (
            id            TEXT PRIMARY KEY,
            practice_id   TEXT NOT NULL REFERENCES practices(id),
            email         TEXT NOT NULL UNIQUE,
            role          TEXT NOT NULL CHECK (role IN ('therapist', 'practice_manager', 'admin')),
            auth_hash     TEXT NOT NULL,
            totp_secret   TEXT NOT NULL,
            mfa_confirmed INTEGER NOT NULL DEFAULT 0,
            created_at    INTEGER NOT NULL
        );
    )sql"},
    Migration{2, R"sql(
        -- The last TOTP step accepted, so each code works once.
        ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            last_seen  INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_account ON sessions(account_id);
    )sql"},
};

void migrate(Database& db)
{
    const auto current = db.scalarInt("PRAGMA user_version;");
    if (current > kMigrations.back().version)
        throw core::vault::DbError(0, "the store was written by a newer noteward-syncd (schema " + std::to_string(current) + ")");
    for (const auto& m : kMigrations) {
        if (m.version <= current) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version) + ";");
        tx.commit();
    }
}

core::Result<core::crypto::SecretBytes> storeKey(const std::filesystem::path& keyFile, bool storeExists)
{
    std::error_code ec;
    if (!std::filesystem::exists(keyFile, ec)) {
        // A new key only for a new store: an existing store without its key is unreadable, and
        // a fresh key would only hide that.
        if (storeExists)
            return makeError(ErrorCode::NotFound, "The store exists but its key file " + keyFile.string() +
                                                      " is missing; restore the key file (or the store from backup).");
        auto key = core::crypto::randomSecret(32);
        const std::string hex = core::toHex(key.view()) + "\n";
        if (auto written = core::vault::writeFileAtomically(keyFile, core::asBytes(hex)); !written) return written.error();
        return key;
    }
    auto bytes = core::vault::readWholeFile(keyFile, 256);
    if (!bytes) return bytes.error();
    std::string text(bytes->begin(), bytes->end());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    const auto raw = core::fromHex(text);
    if (!raw || raw->size() != 32)
        return makeError(ErrorCode::InvalidInput, "The store key file " + keyFile.string() + " must hold 64 hexadecimal digits.");
    core::crypto::SecretBytes key(32);
    std::copy(raw->begin(), raw->end(), key.data());
    return key;
}

std::int64_t nowSeconds() { return static_cast<std::int64_t>(time(nullptr)); }

}  // namespace

EmbeddedStore::EmbeddedStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
EmbeddedStore::~EmbeddedStore() = default;

core::Result<std::unique_ptr<EmbeddedStore>> EmbeddedStore::open(const std::filesystem::path& dataDir,
                                                                 const std::filesystem::path& keyFile)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec) return makeError(ErrorCode::Io, "Cannot create the data folder " + dataDir.string() + ": " + ec.message());
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all, ec);
    const auto file = dataDir / "store.db";
    const bool exists = std::filesystem::exists(file, ec);
    auto key = storeKey(keyFile, exists);
    if (!key) return key.error();
    return core::vault::guarded([&]() -> core::Result<std::unique_ptr<EmbeddedStore>> {
        auto db = Database::open(file, key.value(), {.create = !exists, .cipherCompatibility = 0});
        db->exec("PRAGMA busy_timeout = 5000;");  // the admin commands share the store with the server
        db->exec("PRAGMA foreign_keys = ON;");
        db->exec("PRAGMA journal_mode = WAL;");
        db->exec("PRAGMA synchronous = FULL;");  // an acknowledged write survives a power cut
        migrate(*db);
        return std::unique_ptr<EmbeddedStore>(new EmbeddedStore(std::move(db)));
    });
}

core::Result<Practice> EmbeddedStore::createPractice(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<Practice> {
        Practice p{core::crypto::randomUuid(), name};
        m_db->prepare("INSERT INTO practices (id, name, created_at) VALUES (?, ?, ?);")
            .bind(1, p.id)
            .bind(2, p.name)
            .bind(3, nowSeconds())
            .run();
        return p;
    });
}

core::Result<std::optional<Practice>> EmbeddedStore::practice(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<std::optional<Practice>> {
        auto st = m_db->prepare("SELECT id, name FROM practices WHERE id = ?;");
        st.bind(1, id);
        if (!st.step()) return std::optional<Practice>();
        return std::optional<Practice>(Practice{st.text(0), st.text(1)});
    });
}

core::Result<void> EmbeddedStore::putInvitation(const std::string& tokenHash, const Invitation& invitation)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->prepare("INSERT INTO invitations (token_hash, practice_id, email, role, expires_at) VALUES (?, ?, ?, ?, ?);")
            .bind(1, tokenHash)
            .bind(2, invitation.practiceId)
            .bind(3, invitation.email)
            .bind(4, roleName(invitation.role))
            .bind(5, invitation.expiresAt)
            .run();
        return core::Ok{};
    });
}

core::Result<Account> EmbeddedStore::redeemInvitation(const std::string& tokenHash, const std::string& email,
                                                      const Account& account, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<Account> {
        Transaction tx(*m_db);
        auto st = m_db->prepare("SELECT practice_id, email, role, expires_at FROM invitations WHERE token_hash = ?;");
        st.bind(1, tokenHash);
        // One answer for unknown, used, expired and someone else's invitation: no oracle.
        const auto refused = makeError(ErrorCode::NotFound, "This invitation is not valid: it may have expired or been used.");
        if (!st.step() || st.int64(3) < now || st.text(1) != email) return refused;
        Account made = account;
        made.practiceId = st.text(0);
        made.email = st.text(1);
        made.role = roleFromName(st.text(2)).value_or(Role::Therapist);
        auto exists = m_db->prepare("SELECT 1 FROM accounts WHERE email = ?;");
        exists.bind(1, made.email);
        if (exists.step()) return makeError(ErrorCode::AlreadyExists, "An account with this e-mail already exists.");
        m_db->prepare("DELETE FROM invitations WHERE token_hash = ?;").bind(1, tokenHash).run();
        m_db->prepare("INSERT INTO accounts (id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, 0, ?);")
            .bind(1, made.id)
            .bind(2, made.practiceId)
            .bind(3, made.email)
            .bind(4, roleName(made.role))
            .bind(5, made.authHash)
            .bind(6, made.totpSecret)
            .bind(7, now)
            .run();
        tx.commit();
        return made;
    });
}

core::Result<std::optional<Account>> EmbeddedStore::accountWhere(const char* column, const std::string& value)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<std::optional<Account>> {
        auto st = m_db->prepare(std::string("SELECT id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed "
                                            "FROM accounts WHERE ") + column + " = ?;");
        st.bind(1, value);
        if (!st.step()) return std::optional<Account>();
        return std::optional<Account>(Account{st.text(0), st.text(1), st.text(2),
                                              roleFromName(st.text(3)).value_or(Role::Therapist), st.text(4), st.text(5),
                                              st.int64(6) != 0});
    });
}

core::Result<std::optional<Account>> EmbeddedStore::accountByEmail(const std::string& email)
{
    return accountWhere("email", email);
}

core::Result<std::optional<Account>> EmbeddedStore::accountById(const std::string& id) { return accountWhere("id", id); }

core::Result<bool> EmbeddedStore::acceptTotpStep(const std::string& accountId, std::uint64_t step)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<bool> {
        // One statement: two logins racing with the same code cannot both pass.
        m_db->prepare("UPDATE accounts SET totp_last_step = ?, mfa_confirmed = 1 WHERE id = ? AND totp_last_step < ?;")
            .bind(1, static_cast<std::int64_t>(step))
            .bind(2, accountId)
            .bind(3, static_cast<std::int64_t>(step))
            .run();
        return m_db->changes() == 1;
    });
}

core::Result<void> EmbeddedStore::putSession(const SessionRow& session)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->prepare("INSERT INTO sessions (token_hash, account_id, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?);")
            .bind(1, session.tokenHash)
            .bind(2, session.accountId)
            .bind(3, session.createdAt)
            .bind(4, session.lastSeen)
            .bind(5, session.expiresAt)
            .run();
        return core::Ok{};
    });
}

core::Result<std::optional<SessionRow>> EmbeddedStore::useSession(const std::string& tokenHash, std::int64_t now,
                                                                  std::int64_t idleSeconds)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<std::optional<SessionRow>> {
        auto st = m_db->prepare("SELECT account_id, created_at, last_seen, expires_at FROM sessions WHERE token_hash = ?;");
        st.bind(1, tokenHash);
        if (!st.step()) return std::optional<SessionRow>();
        SessionRow row{tokenHash, st.text(0), st.int64(1), st.int64(2), st.int64(3)};
        if (now >= row.expiresAt || now - row.lastSeen > idleSeconds) {
            m_db->prepare("DELETE FROM sessions WHERE token_hash = ?;").bind(1, tokenHash).run();
            return std::optional<SessionRow>();
        }
        // Written at most once a minute per session: a busy client does not turn reads into writes.
        if (now - row.lastSeen >= 60) {
            m_db->prepare("UPDATE sessions SET last_seen = ? WHERE token_hash = ?;").bind(1, now).bind(2, tokenHash).run();
            row.lastSeen = now;
        }
        return std::optional<SessionRow>(row);
    });
}

core::Result<void> EmbeddedStore::deleteSession(const std::string& tokenHash)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->prepare("DELETE FROM sessions WHERE token_hash = ?;").bind(1, tokenHash).run();
        return core::Ok{};
    });
}

core::Result<void> EmbeddedStore::deleteSessionsOf(const std::string& accountId)
{
    std::lock_guard lock(m_mutex);
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->prepare("DELETE FROM sessions WHERE account_id = ?;").bind(1, accountId).run();
        return core::Ok{};
    });
}

}  // namespace noteward::sync::server
