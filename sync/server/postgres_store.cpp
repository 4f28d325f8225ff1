#include "server/postgres_store.h"

#include "crypto/aes_gcm.h"
#include "crypto/random.h"
#include "protocol/base64.h"
#include "server/erasure_list.h"
#include "server/pg_audit_batch.h"
#include "server/store_key.h"

#include <array>
#include <ctime>
#include <map>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;
using pg::Connection;
using pg::Param;
using pg::PgError;

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Each step runs once, in order, in its own transaction with its row in noteward_schema.
// The schema matches the embedded store's; numbers are BIGINT, flags BOOLEAN, bytes BYTEA.
constexpr std::array kMigrations = {
    Migration{1, R"sql(
        CREATE TABLE practices (
            id         TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE invitations (
            token_hash  TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL REFERENCES practices(id),
            email       TEXT NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('therapist', 'practice_manager', 'admin')),
            expires_at  BIGINT NOT NULL
        );
        CREATE TABLE accounts (
            id             TEXT PRIMARY KEY,
            practice_id    TEXT NOT NULL REFERENCES practices(id),
            email          TEXT NOT NULL UNIQUE,
            role           TEXT NOT NULL CHECK (role IN ('therapist', 'practice_manager', 'admin')),
            auth_hash      TEXT NOT NULL,
            totp_secret    TEXT NOT NULL,
            mfa_confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
            totp_last_step BIGINT NOT NULL DEFAULT 0,
            created_at     BIGINT NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            last_seen  BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        CREATE INDEX sessions_by_account ON sessions(account_id);
        CREATE TABLE clients (
            id          TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL REFERENCES practices(id),
            created_at  BIGINT NOT NULL
        );
        CREATE TABLE client_therapists (
            client_id  TEXT NOT NULL REFERENCES clients(id),
            account_id TEXT NOT NULL REFERENCES accounts(id),
            PRIMARY KEY (client_id, account_id)
        );
        CREATE TABLE objects (
            id          TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL REFERENCES practices(id),
            client_id   TEXT NOT NULL REFERENCES clients(id),
            type        TEXT NOT NULL,
            version     BIGINT NOT NULL,
            author      TEXT NOT NULL,
            signed      BOOLEAN NOT NULL,
            size        BIGINT NOT NULL,
            envelope    BYTEA NOT NULL,
            updated_at  BIGINT NOT NULL
        );
        CREATE INDEX objects_by_client ON objects(client_id);
        -- The feed: one row per stored version, numbered across the store, read per practice
        -- through the index. Writers of one practice take its feed lock before numbering, so
        -- numbers become visible in order and a reader's cursor never passes a change that
        -- commits later.
        CREATE TABLE changes (
            seq         BIGSERIAL PRIMARY KEY,
            practice_id TEXT NOT NULL,
            client_id   TEXT NOT NULL,
            object_id   TEXT NOT NULL,
            type        TEXT NOT NULL,
            version     BIGINT NOT NULL,
            author      TEXT NOT NULL,
            signed      BOOLEAN NOT NULL
        );
        CREATE INDEX changes_by_practice ON changes(practice_id, seq);
        CREATE INDEX changes_by_client ON changes(client_id);
        CREATE TABLE erasures (
            client_id   TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL,
            erased_at   BIGINT NOT NULL
        );
        CREATE TABLE audit (
            seq           BIGINT PRIMARY KEY,
            practice_id   TEXT NOT NULL,
            at            BIGINT NOT NULL,
            action        TEXT NOT NULL,
            actor         TEXT NOT NULL,
            object        TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash          TEXT NOT NULL
        );
        CREATE SEQUENCE audit_seq;
        CREATE INDEX audit_by_practice ON audit(practice_id, seq);
        -- Ciphertext does not compress: stored out of line as it is.
        CREATE TABLE blobs (
            hash        TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL,
            client_id   TEXT NOT NULL REFERENCES clients(id),
            author      TEXT NOT NULL,
            recording   BOOLEAN NOT NULL,
            size        BIGINT NOT NULL,
            created_at  BIGINT NOT NULL,
            data        BYTEA NOT NULL
        );
        ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL;
        CREATE INDEX blobs_by_client ON blobs(client_id);
        CREATE TABLE audit_heads (
            account_id TEXT NOT NULL,
            device_id  TEXT NOT NULL,
            seq        BIGINT NOT NULL,
            hash       TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (account_id, device_id)
        );
    )sql"},
};

// Keys of the transaction-scoped advisory locks (any fixed numbers; these spell "nwsy").
constexpr std::int64_t kMigrationLock = 0x6e777379;

std::int64_t nowSeconds() { return static_cast<std::int64_t>(time(nullptr)); }

// Serialises the writers of one practice's feed (or audit chain) until their commit.
void lockPractice(Connection& conn, const char* what, const std::string& practiceId)
{
    conn.run("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", {std::string(what) + ":" + practiceId});
}

core::Result<void> migrate(Connection& conn)
{
    // Two servers starting on an empty database would race to create it, and the loser's
    // error depends on where PostgreSQL notices (a unique violation on pg_type, or "type
    // already exists"): under the migration lock the second finds it made.
    auto table = pg::inTransaction<bool>(conn, [&](Connection& c) -> core::Result<bool> {
        c.run("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
        c.run("CREATE TABLE IF NOT EXISTS noteward_schema (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        return true;
    });
    if (!table) return table.error();
    for (const auto& m : kMigrations) {
        auto step = pg::inTransaction<bool>(conn, [&](Connection& c) -> core::Result<bool> {
            c.run("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
            const auto newest = c.run("SELECT COALESCE(MAX(version), 0) FROM noteward_schema").int64(0, 0);
            if (newest > kMigrations.back().version)
                return makeError(ErrorCode::FromTheFuture, "The PostgreSQL store was written by a newer noteward-syncd (schema " +
                                                               std::to_string(newest) + "); run that version or newer.");
            if (newest >= m.version) return false;
            c.script(m.sql);
            c.run("INSERT INTO noteward_schema (version, applied_at) VALUES ($1, $2)", {std::int64_t{m.version}, nowSeconds()});
            return true;
        });
        if (!step) return step.error();
    }
    return core::Ok{};
}

// The chain's last hash (zeros for a new chain) and the next entry's number, read after the
// audit lock was taken (a statement sees what committed before it started, so never in the
// statement that takes the lock).
constexpr const char* kAuditHeadColumns =
    "COALESCE((SELECT hash FROM audit WHERE practice_id = $1 ORDER BY seq DESC LIMIT 1), repeat('0', 64))";

// The next entry of the practice's audit chain, inside the caller's transaction. The
// practice's audit lock, held to commit, keeps the chain a line (after the feed lock, when a
// caller holds both: always in that order).
void writeAudit(Connection& c, const std::string& practiceId, const std::string& action, const std::string& actor,
                const std::string& object)
{
    lockPractice(c, "audit", practiceId);
    static const std::string head = std::string("SELECT ") + kAuditHeadColumns + ", nextval('audit_seq')";
    const auto r = c.run(head.c_str(), {practiceId});
    pg::AuditBatch entry;
    entry.append(practiceId, r.int64(0, 1), action, actor, object, r.text(0, 0));
    entry.insertInto(c);
}

// TOTP secrets are sealed with the server's key file (AES-256-GCM, the account id as
// associated data): a dump or replica of the database alone does not hold second factors.
constexpr std::string_view kSealedPrefix = "aesgcm1:";

std::string sealSecret(const core::crypto::SecretBytes& key, const std::string& accountId, const std::string& secret)
{
    core::crypto::AesGcm gcm(key.view());
    return std::string(kSealedPrefix) + protocol::base64Encode(gcm.sealWithRandomNonce(core::asBytes(secret), core::asBytes(accountId)));
}

std::optional<std::string> openSecret(const core::crypto::SecretBytes& key, const std::string& accountId, const std::string& stored)
{
    if (stored.rfind(kSealedPrefix, 0) != 0) return std::nullopt;
    const auto sealed = protocol::base64Decode(std::string_view(stored).substr(kSealedPrefix.size()));
    if (!sealed) return std::nullopt;
    core::crypto::AesGcm gcm(key.view());
    const auto opened = gcm.openWithNonce(*sealed, core::asBytes(accountId));
    if (!opened) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(opened->data()), opened->size());
}

}  // namespace

int PostgresStore::schemaVersion() { return kMigrations.back().version; }

PostgresStore::PostgresStore(std::unique_ptr<pg::Pool> pool, std::filesystem::path dataDir, core::crypto::SecretBytes secretKey)
    : m_pool(std::move(pool)), m_dataDir(std::move(dataDir)), m_secretKey(std::move(secretKey)),
      m_batcher(std::make_unique<PutBatcher>([this](const std::vector<PendingPut>& batch) { return writeBatch(batch); },
                                             [this](const std::vector<PendingPut>& writes) { return writeWaiting(writes); }))
{
}

template <typename T, typename Work>
core::Result<T> PostgresStore::withConnection(Work&& work)
{
    auto conn = m_pool->lease();
    try {
        return work(*conn);
    } catch (const PgError& e) {
        return pg::storeError(e);
    }
}

template <typename T, typename Work>
core::Result<T> PostgresStore::inTransaction(Work&& work)
{
    auto conn = m_pool->lease();
    return pg::inTransaction<T>(*conn, std::forward<Work>(work));
}

core::Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& conninfo, const std::filesystem::path& dataDir,
                                                                 const std::filesystem::path& keyFile, std::size_t connections)
{
    if (auto ok = pg::checkConninfo(conninfo); !ok) return ok.error();
    auto pool = pg::Pool::open(conninfo, connections);
    if (!pool) return pool.error();
    bool sealed = false;  // whether secrets sealed with a key exist, so the key must too
    {
        auto conn = (*pool)->lease();
        if (auto migrated = migrate(*conn); !migrated) return migrated.error();
        try {
            sealed = conn->run("SELECT EXISTS (SELECT 1 FROM accounts)").flag(0, 0);
        } catch (const PgError& e) {
            return pg::storeError(e);
        }
    }
    auto key = loadOrCreateStoreKey(keyFile, sealed);
    if (!key) return key.error();
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(pool.value()), dataDir, std::move(key.value())));
}

core::Result<Practice> PostgresStore::createPractice(const std::string& name)
{
    return withConnection<Practice>([&](Connection& c) {
        Practice p{core::crypto::randomUuid(), name};
        c.run("INSERT INTO practices (id, name, created_at) VALUES ($1, $2, $3)", {p.id, p.name, nowSeconds()});
        return p;
    });
}

core::Result<std::optional<Practice>> PostgresStore::practice(const std::string& id)
{
    return withConnection<std::optional<Practice>>([&](Connection& c) {
        const auto r = c.run("SELECT id, name FROM practices WHERE id = $1", {id});
        return r.empty() ? std::optional<Practice>() : std::optional<Practice>(Practice{r.text(0, 0), r.text(0, 1)});
    });
}

core::Result<void> PostgresStore::putInvitation(const std::string& tokenHash, const Invitation& invitation)
{
    return withConnection<void>([&](Connection& c) -> core::Result<void> {
        c.run("INSERT INTO invitations (token_hash, practice_id, email, role, expires_at) VALUES ($1, $2, $3, $4, $5)",
              {tokenHash, invitation.practiceId, invitation.email, std::string(roleName(invitation.role)), invitation.expiresAt});
        return core::Ok{};
    });
}

core::Result<bool> PostgresStore::invitationUsable(const std::string& tokenHash, const std::string& email, std::int64_t now)
{
    return withConnection<bool>([&](Connection& c) {
        return !c.run("SELECT 1 FROM invitations WHERE token_hash = $1 AND email = $2 AND expires_at >= $3", {tokenHash, email, now})
                    .empty();
    });
}

core::Result<Account> PostgresStore::redeemInvitation(const std::string& tokenHash, const std::string& email,
                                                      const Account& account, std::int64_t now)
{
    return inTransaction<Account>([&](Connection& c) -> core::Result<Account> {
        // Taken by the delete itself: of two joins racing with one token, one finds it gone.
        const auto r = c.run("DELETE FROM invitations WHERE token_hash = $1 RETURNING practice_id, email, role, expires_at",
                             {tokenHash});
        // One answer for unknown, used, expired and someone else's invitation: no oracle (and
        // the delete is rolled back with it).
        if (r.empty() || r.int64(0, 3) < now || r.text(0, 1) != email)
            return makeError(ErrorCode::NotFound, "This invitation is not valid: it may have expired or been used.");
        Account made = account;
        made.practiceId = r.text(0, 0);
        made.email = r.text(0, 1);
        made.role = roleFromName(r.text(0, 2)).value_or(Role::Therapist);
        const auto inserted = c.run(
            "INSERT INTO accounts (id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, FALSE, $7) ON CONFLICT (email) DO NOTHING",
            {made.id, made.practiceId, made.email, std::string(roleName(made.role)), made.authHash,
             sealSecret(m_secretKey, made.id, made.totpSecret), now});
        if (inserted.affected() != 1) return makeError(ErrorCode::AlreadyExists, "An account with this e-mail already exists.");
        return made;
    });
}

core::Result<std::optional<Account>> PostgresStore::accountWhere(const char* sql, const std::string& value)
{
    return withConnection<std::optional<Account>>([&](Connection& c) -> core::Result<std::optional<Account>> {
        const auto r = c.run(sql, {value});
        if (r.empty()) return std::optional<Account>();
        auto account = accountIn(r, 0);
        if (!account) return account.error();
        return std::optional<Account>(std::move(*account));
    });
}

core::Result<Account> PostgresStore::accountIn(const pg::Rows& r, int first) const
{
    const auto secret = openSecret(m_secretKey, r.text(0, first), r.text(0, first + 5));
    if (!secret)
        return makeError(ErrorCode::Corrupt, "An account's second-factor secret cannot be read with this server's key "
                                             "file (store_key_file): the wrong key file, or a changed database.");
    return Account{r.text(0, first), r.text(0, first + 1), r.text(0, first + 2),
                   roleFromName(r.text(0, first + 3)).value_or(Role::Therapist), r.text(0, first + 4), *secret,
                   r.flag(0, first + 6)};
}

core::Result<std::optional<Account>> PostgresStore::accountByEmail(const std::string& email)
{
    return accountWhere("SELECT id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed FROM accounts WHERE email = $1",
                        email);
}

core::Result<std::optional<Account>> PostgresStore::accountById(const std::string& id)
{
    return accountWhere("SELECT id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed FROM accounts WHERE id = $1", id);
}

core::Result<bool> PostgresStore::acceptTotpStep(const std::string& accountId, std::uint64_t step)
{
    return withConnection<bool>([&](Connection& c) {
        // One statement: two logins racing with the same code cannot both pass.
        const auto s = static_cast<std::int64_t>(step);
        return c.run("UPDATE accounts SET totp_last_step = $1, mfa_confirmed = TRUE WHERE id = $2 AND totp_last_step < $1",
                     {s, accountId})
                   .affected() == 1;
    });
}

core::Result<void> PostgresStore::putSession(const SessionRow& session)
{
    return withConnection<void>([&](Connection& c) -> core::Result<void> {
        c.run("INSERT INTO sessions (token_hash, account_id, created_at, last_seen, expires_at) VALUES ($1, $2, $3, $4, $5)",
              {session.tokenHash, session.accountId, session.createdAt, session.lastSeen, session.expiresAt});
        return core::Ok{};
    });
}

core::Result<std::optional<SessionRow>> PostgresStore::useSession(const std::string& tokenHash, std::int64_t now,
                                                                  std::int64_t idleSeconds)
{
    return withConnection<std::optional<SessionRow>>([&](Connection& c) {
        const auto r = c.run("SELECT account_id, created_at, last_seen, expires_at FROM sessions WHERE token_hash = $1", {tokenHash});
        if (r.empty()) return std::optional<SessionRow>();
        SessionRow row{tokenHash, r.text(0, 0), r.int64(0, 1), r.int64(0, 2), r.int64(0, 3)};
        if (now >= row.expiresAt || now - row.lastSeen > idleSeconds) {
            c.run("DELETE FROM sessions WHERE token_hash = $1", {tokenHash});
            return std::optional<SessionRow>();
        }
        // Written at most once a minute per session: a busy client does not turn reads into writes.
        if (now - row.lastSeen >= 60) {
            c.run("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2", {now, tokenHash});
            row.lastSeen = now;
        }
        return std::optional<SessionRow>(row);
    });
}

core::Result<std::optional<ServerStore::SignedInRow>> PostgresStore::useSessionWithAccount(const std::string& tokenHash,
                                                                                        std::int64_t now,
                                                                                        std::int64_t idleSeconds)
{
    using Found = std::optional<SignedInRow>;
    return withConnection<Found>([&](Connection& c) -> core::Result<Found> {
        const auto r = c.run("SELECT s.account_id, s.created_at, s.last_seen, s.expires_at, a.id, a.practice_id, a.email, "
                             "a.role, a.auth_hash, a.totp_secret, a.mfa_confirmed "
                             "FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
                             {tokenHash});
        if (r.empty()) return Found();
        SessionRow row{tokenHash, r.text(0, 0), r.int64(0, 1), r.int64(0, 2), r.int64(0, 3)};
        if (now >= row.expiresAt || now - row.lastSeen > idleSeconds) {
            c.run("DELETE FROM sessions WHERE token_hash = $1", {tokenHash});
            return Found();
        }
        // Written at most once a minute per session, as in useSession.
        if (now - row.lastSeen >= 60) {
            c.run("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2", {now, tokenHash});
            row.lastSeen = now;
        }
        auto account = accountIn(r, 4);
        if (!account) return account.error();
        return Found(SignedInRow{std::move(row), std::move(*account)});
    });
}

core::Result<void> PostgresStore::deleteSession(const std::string& tokenHash)
{
    return withConnection<void>([&](Connection& c) -> core::Result<void> {
        c.run("DELETE FROM sessions WHERE token_hash = $1", {tokenHash});
        return core::Ok{};
    });
}

core::Result<void> PostgresStore::deleteSessionsOf(const std::string& accountId)
{
    return withConnection<void>([&](Connection& c) -> core::Result<void> {
        c.run("DELETE FROM sessions WHERE account_id = $1", {accountId});
        return core::Ok{};
    });
}

// One credential column changed and every session of the account ended, in one transaction.
core::Result<void> PostgresStore::changeCredential(const char* updateSql, const std::string& value, const std::string& accountId)
{
    return inTransaction<void>([&](Connection& c) -> core::Result<void> {
        c.run(updateSql, {value, accountId});
        c.run("DELETE FROM sessions WHERE account_id = $1", {accountId});
        return core::Ok{};
    });
}

core::Result<void> PostgresStore::changeAuthHash(const std::string& accountId, const std::string& authHash)
{
    return changeCredential("UPDATE accounts SET auth_hash = $1 WHERE id = $2", authHash, accountId);
}

core::Result<void> PostgresStore::changeTotpSecret(const std::string& accountId, const std::string& secret)
{
    // The last accepted step stays: a code seen before the change is still spent.
    return changeCredential("UPDATE accounts SET totp_secret = $1, mfa_confirmed = FALSE WHERE id = $2",
                            sealSecret(m_secretKey, accountId, secret), accountId);
}

core::Result<bool> PostgresStore::registerClient(const std::string& practiceId, const std::string& clientId,
                                                 const std::optional<std::string>& therapist)
{
    return inTransaction<bool>([&](Connection& c) -> core::Result<bool> {
        const auto taken = makeError(ErrorCode::AlreadyExists, "This client id is taken.");
        if (!c.run("SELECT 1 FROM erasures WHERE client_id = $1", {clientId}).empty()) return taken;
        const bool made = c.run("INSERT INTO clients (id, practice_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
                                {clientId, practiceId, nowSeconds()})
                              .affected() == 1;
        if (!made && c.run("SELECT practice_id FROM clients WHERE id = $1", {clientId}).text(0, 0) != practiceId) return taken;
        if (therapist)
            c.run("INSERT INTO client_therapists (client_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", {clientId, *therapist});
        return made;
    });
}

core::Result<void> PostgresStore::assignTherapist(const std::string& clientId, const std::string& accountId)
{
    return withConnection<void>([&](Connection& c) -> core::Result<void> {
        c.run("INSERT INTO client_therapists (client_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", {clientId, accountId});
        return core::Ok{};
    });
}

core::Result<ClientAccess> PostgresStore::clientAccess(const std::string& practiceId, const std::string& clientId)
{
    return withConnection<ClientAccess>([&](Connection& c) {
        // One round trip: no row, no such client; else a row per therapist (one NULL row for none).
        ClientAccess access;
        const auto rows = c.run("SELECT t.account_id FROM clients AS k LEFT JOIN client_therapists AS t ON t.client_id = k.id "
                                "WHERE k.id = $1 AND k.practice_id = $2 AND NOT EXISTS (SELECT 1 FROM erasures WHERE client_id = $1)",
                                {clientId, practiceId});
        access.exists = !rows.empty();
        for (int i = 0; i < rows.size(); ++i)
            if (!rows.isNull(i, 0)) access.therapists.push_back(rows.text(i, 0));
        return access;
    });
}

namespace {

// The practice's feed lock, then its audit lock (the order every writer keeps), held to commit:
// the practice's changes commit in the order of their numbers, and its audit chain stays a line.
void lockForObjectWrites(Connection& c, const std::string& practiceId)
{
    c.run("SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))",
          {"feed:" + practiceId, "audit:" + practiceId});
}

// One object write inside the caller's transaction, with the practice's locks held, in one
// round trip; its audit entry goes into `audit`, inserted before the commit.
PutOutcome writeObject(Connection& c, const StoredObject& object, std::int64_t baseVersion, pg::AuditBatch& audit)
{
    const std::string type(protocol::objectTypeName(object.type));
    const std::int64_t version = baseVersion + 1;
    const auto size = static_cast<std::int64_t>(object.envelope.size());
    // `prior` is read after the locks (the statement starts after the statement that took
    // them), so an erasure that committed while this request was on its way wins. The object
    // is stored only if prior allows it; the conflict clause repeats the checks, so a new id
    // another practice made at the same moment (under its own locks) is a conflict on the key,
    // never an overwrite. The change, and the audit chain's head and next number, come in the
    // same statement.
    static const std::string store =
        std::string("WITH prior AS (SELECT EXISTS (SELECT 1 FROM erasures WHERE client_id = $2::text) AS erased, "
                    "o.practice_id, o.client_id, o.type, o.version, o.signed "
                    "FROM (SELECT 1) AS one LEFT JOIN objects AS o ON o.id = $3::text), "
                    "stored AS (INSERT INTO objects (id, practice_id, client_id, type, version, author, signed, size, "
                    "envelope, updated_at) SELECT $3::text, $1::text, $2::text, $4::text, $5::bigint, $6::text, $7::boolean, "
                    "$8::bigint, $9::bytea, $10::bigint FROM prior WHERE NOT prior.erased AND "
                    "((prior.practice_id IS NULL AND $11::bigint = 0) OR (prior.practice_id = $1::text AND "
                    "prior.client_id = $2::text AND prior.type = $4::text AND NOT prior.signed AND prior.version = $11::bigint)) "
                    "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, author = EXCLUDED.author, "
                    "signed = EXCLUDED.signed, size = EXCLUDED.size, envelope = EXCLUDED.envelope, "
                    "updated_at = EXCLUDED.updated_at WHERE objects.practice_id = EXCLUDED.practice_id "
                    "AND objects.version = $11::bigint AND NOT objects.signed RETURNING version), "
                    "changed AS (INSERT INTO changes (practice_id, client_id, object_id, type, version, author, signed) "
                    "SELECT $1::text, $2::text, $3::text, $4::text, version, $6::text, $7::boolean FROM stored RETURNING seq) "
                    "SELECT prior.erased, prior.practice_id, prior.client_id, prior.type, prior.version, prior.signed, "
                    "EXISTS (SELECT 1 FROM changed), ") +
        kAuditHeadColumns + ", CASE WHEN EXISTS (SELECT 1 FROM changed) THEN nextval('audit_seq') ELSE 0 END FROM prior";
    const auto r = c.run(store.c_str(), {object.practiceId, object.clientId, object.objectId, type, version, object.author,
                                         object.isSigned, size, Param::bytes(object.envelope), nowSeconds(), baseVersion});
    if (r.flag(0, 0)) return PutOutcome{PutOutcome::Kind::ElsewhereOrOtherType, 0};
    if (!r.isNull(0, 1)) {
        if (r.text(0, 1) != object.practiceId || r.text(0, 2) != object.clientId || r.text(0, 3) != type)
            return PutOutcome{PutOutcome::Kind::ElsewhereOrOtherType, 0};
        const std::int64_t current = r.int64(0, 4);
        if (r.flag(0, 5)) return PutOutcome{PutOutcome::Kind::Immutable, current};
        if (current != baseVersion) return PutOutcome{PutOutcome::Kind::VersionConflict, current};
    } else if (baseVersion != 0) {
        return PutOutcome{PutOutcome::Kind::VersionConflict, 0};
    }
    if (!r.flag(0, 6)) return PutOutcome{PutOutcome::Kind::ElsewhereOrOtherType, 0};
    audit.append(object.practiceId, r.int64(0, 8), "object.put", object.author, object.objectId, r.text(0, 7));
    return PutOutcome{PutOutcome::Kind::Stored, version};
}

}  // namespace

core::Result<PutOutcome> PostgresStore::putObject(const StoredObject& object, std::int64_t baseVersion)
{
    return m_batcher->put(object, baseVersion);
}

namespace {

// One object write in a transaction of its own.
core::Result<PutOutcome> putOne(Connection& conn, const StoredObject& object, std::int64_t baseVersion)
{
    return pg::inTransaction<PutOutcome>(conn, [&](Connection& c) -> core::Result<PutOutcome> {
        lockForObjectWrites(c, object.practiceId);
        pg::AuditBatch audit;
        const PutOutcome outcome = writeObject(c, object, baseVersion, audit);
        audit.insertInto(c);
        return outcome;
    });
}

}  // namespace

namespace {

// Takes the practice's locks if they are free within a moment: at once when nobody holds them,
// else after at most kShortLockWait (a chunk's upload or an audit entry holds them for a few
// milliseconds; an erasure, or another server's batch stuck on something, for longer).
constexpr const char* kShortLockWait = "25ms";
// Any other lock a batch's statement meets (a new row another transaction is inserting).
constexpr const char* kBatchLockWait = "1s";

void setLockTimeout(Connection& c, const char* timeout)
{
    c.run((std::string("SET LOCAL lock_timeout = '") + timeout + "'").c_str());
}

bool lockSoon(Connection& c, const std::string& practiceId)
{
    const std::string feed = "feed:" + practiceId, audit = "audit:" + practiceId;
    // Feed before audit, as every other writer takes them (uploads and erasures take the feed
    // lock, then the audit lock; audit entries the audit lock alone): holding the audit lock
    // while waiting for the feed lock could close a circle of waits.
    // (The batch's own lock timeout is set in the same round trip: see kBatchLockWait.)
    const auto r = c.run("SELECT CASE WHEN pg_try_advisory_xact_lock(hashtextextended($1, 0)) "
                         "THEN pg_try_advisory_xact_lock(hashtextextended($2, 0)) ELSE false END, "
                         "set_config('lock_timeout', $3, true)",
                         {feed, audit, std::string(kBatchLockWait)});
    if (r.flag(0, 0)) return true;
    // A short wait, in a savepoint: the lock timeout's error would end the transaction. (A
    // feed lock the try above did win stays held to the commit even if the audit lock is not
    // had: it delays that practice's uploads by this batch's few milliseconds, no more.)
    c.run("SAVEPOINT lock_soon");
    setLockTimeout(c, kShortLockWait);
    bool had = true;
    try {
        lockForObjectWrites(c, practiceId);  // feed, then audit
    } catch (const PgError& e) {
        if (e.state() != "55P03") throw;
        c.run("ROLLBACK TO SAVEPOINT lock_soon");  // (which also undoes the SET LOCAL)
        had = false;
    }
    c.run("RELEASE SAVEPOINT lock_soon");
    // Statements of the batch wait no longer than this either (a row another transaction is
    // inserting): past it the batch fails, and its writes are written by writeWaiting.
    setLockTimeout(c, kBatchLockWait);
    return had;
}

}  // namespace

// One transaction for the batch, and one commit. A practice's locks are waited for only a
// moment: a practice whose locks someone holds for long (an erasure, another server's batch)
// would stall every practice's writes behind it, so its writes are left to writeWaiting, which
// waits for that practice alone. Every wait here is short, so batches of several servers
// cannot hold each other up for long either (the practices are still taken in sorted order).
std::vector<std::optional<core::Result<PutOutcome>>> PostgresStore::writeBatch(const std::vector<PendingPut>& batch)
{
    std::vector<std::optional<core::Result<PutOutcome>>> answers(batch.size());
    auto conn = m_pool->lease();
    Connection& c = *conn;
    std::vector<std::optional<core::Result<PutOutcome>>> written(batch.size());
    try {
        c.run("BEGIN ISOLATION LEVEL READ COMMITTED");
        std::map<std::string, bool> locked;  // practice (sorted): its locks had
        for (const PendingPut& put : batch) locked.emplace(put.object->practiceId, false);
        for (auto& [practiceId, had] : locked) had = lockSoon(c, practiceId);
        pg::AuditBatch audit;
        for (std::size_t i = 0; i < batch.size(); ++i)
            if (locked[batch[i].object->practiceId]) written[i] = writeObject(c, *batch[i].object, batch[i].baseVersion, audit);
        audit.insertInto(c);
    } catch (const PgError&) {
        // A statement failed (a new id taken by another practice at the same moment, a lost
        // connection): nothing of the transaction was kept, and every write is written again
        // by writeWaiting, practice by practice, on a connection leased afresh (a broken one is
        // opened again).
        pg::rollBackQuietly(c);
        return answers;
    }
    try {
        c.run("COMMIT");
    } catch (const PgError& e) {
        pg::rollBackQuietly(c);
        // Whether it committed is unknown: every write of it hears so, none is tried again.
        for (std::size_t i = 0; i < batch.size(); ++i)
            if (written[i]) answers[i] = pg::storeError(e);
        return answers;
    }
    return written;
}

std::vector<core::Result<PutOutcome>> PostgresStore::writeWaiting(const std::vector<PendingPut>& writes)
{
    std::vector<core::Result<PutOutcome>> outcomes;
    outcomes.reserve(writes.size());
    {
        auto conn = m_pool->lease();
        Connection& c = *conn;
        std::vector<core::Result<PutOutcome>> written;
        written.reserve(writes.size());
        bool statementFailed = false;
        try {
            c.run("BEGIN ISOLATION LEVEL READ COMMITTED");
            if (!writes.empty()) lockForObjectWrites(c, writes.front().object->practiceId);  // one practice
            pg::AuditBatch audit;
            for (const PendingPut& w : writes) written.push_back(writeObject(c, *w.object, w.baseVersion, audit));
            audit.insertInto(c);
        } catch (const PgError& e) {
            pg::rollBackQuietly(c);
            // Held past the lock timeout: every write hears so (503), and none is tried again.
            if (e.state() == "55P03") {
                outcomes.assign(writes.size(), pg::storeError(e));
                return outcomes;
            }
            statementFailed = true;
        }
        if (!statementFailed) {
            try {
                c.run("COMMIT");
                return written;
            } catch (const PgError& e) {
                pg::rollBackQuietly(c);
                // Whether it committed is unknown: every write hears so, none is tried again.
                outcomes.assign(writes.size(), pg::storeError(e));
                return outcomes;
            }
        }
    }
    // A statement failed: each write alone, so one cannot fail the others.
    for (const PendingPut& w : writes) {
        auto conn = m_pool->lease();
        outcomes.push_back(putOne(*conn, *w.object, w.baseVersion));
    }
    return outcomes;
}

core::Result<std::optional<StoredObject>> PostgresStore::object(const std::string& practiceId, const std::string& clientId,
                                                                const std::string& objectId)
{
    return withConnection<std::optional<StoredObject>>([&](Connection& c) {
        const auto r = c.run("SELECT type, version, author, signed, envelope FROM objects "
                             "WHERE id = $1 AND practice_id = $2 AND client_id = $3",
                             {objectId, practiceId, clientId});
        if (r.empty()) return std::optional<StoredObject>();
        return std::optional<StoredObject>(StoredObject{practiceId, clientId, objectId,
                                                        protocol::objectTypeFromName(r.text(0, 0)).value_or(protocol::ObjectType::ClientRecord),
                                                        r.int64(0, 1), r.text(0, 2), r.flag(0, 3), r.bytes(0, 4)});
    });
}

core::Result<bool> PostgresStore::putBlob(const BlobInfo& info, core::ByteView data)
{
    return inTransaction<bool>([&](Connection& c) -> core::Result<bool> {
        // After an erasure of this client (which holds the same lock), nothing more is stored.
        lockPractice(c, "feed", info.practiceId);
        if (!c.run("SELECT 1 FROM erasures WHERE client_id = $1", {info.clientId}).empty())
            return makeError(ErrorCode::NotFound, "No such client in this practice.");
        // Bytes and listing are one row: a listed chunk always has its bytes.
        const bool made = c.run("INSERT INTO blobs (hash, practice_id, client_id, author, recording, size, created_at, data) "
                                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (hash) DO NOTHING",
                                {info.hash, info.practiceId, info.clientId, info.author, info.recording,
                                 static_cast<std::int64_t>(data.size()), nowSeconds(), Param::bytes(data)})
                              .affected() == 1;
        if (made) {
            writeAudit(c, info.practiceId, "blob.put", info.author, info.clientId);
            return true;
        }
        if (c.run("SELECT client_id FROM blobs WHERE hash = $1", {info.hash}).text(0, 0) != info.clientId)
            return makeError(ErrorCode::AlreadyExists, "This chunk belongs elsewhere.");
        return false;
    });
}

core::Result<std::optional<BlobInfo>> PostgresStore::blobInfo(const std::string& hash)
{
    return withConnection<std::optional<BlobInfo>>([&](Connection& c) {
        const auto r = c.run("SELECT practice_id, client_id, author, recording, size FROM blobs WHERE hash = $1", {hash});
        if (r.empty()) return std::optional<BlobInfo>();
        return std::optional<BlobInfo>(BlobInfo{hash, r.text(0, 0), r.text(0, 1), r.text(0, 2), r.flag(0, 3), r.int64(0, 4)});
    });
}

core::Result<core::Bytes> PostgresStore::blobPiece(const std::string& hash, std::uint64_t offset, std::size_t length)
{
    return withConnection<core::Bytes>([&](Connection& c) -> core::Result<core::Bytes> {
        // With STORAGE EXTERNAL a substring reads only the TOAST chunks it covers.
        const auto r = c.runBinary("SELECT substring(data FROM $2::integer + 1 FOR $3::integer) FROM blobs WHERE hash = $1",
                                   {hash, static_cast<std::int64_t>(offset), static_cast<std::int64_t>(length)});
        if (r.empty()) return makeError(ErrorCode::NotFound, "No such chunk.");
        return r.raw(0, 0);
    });
}

core::Result<std::vector<std::string>> PostgresStore::missingBlobs(const std::string& clientId,
                                                                   const std::vector<std::string>& hashes)
{
    return withConnection<std::vector<std::string>>([&](Connection& c) {
        std::vector<std::string> missing;
        for (const auto& hash : hashes)
            if (c.run("SELECT 1 FROM blobs WHERE hash = $1 AND client_id = $2", {hash, clientId}).empty()) missing.push_back(hash);
        return missing;
    });
}

core::Result<void> PostgresStore::appendAudit(const std::string& practiceId, const std::string& action, const std::string& actor,
                                              const std::string& object)
{
    return inTransaction<void>([&](Connection& c) -> core::Result<void> {
        writeAudit(c, practiceId, action, actor, object);
        return core::Ok{};
    });
}

core::Result<std::vector<AuditEntry>> PostgresStore::audit(const std::string& practiceId, std::int64_t after, std::size_t limit)
{
    return withConnection<std::vector<AuditEntry>>([&](Connection& c) {
        const auto r = c.run("SELECT seq, at, action, actor, object, previous_hash, hash FROM audit "
                             "WHERE practice_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                             {practiceId, after, static_cast<std::int64_t>(limit)});
        std::vector<AuditEntry> out;
        for (int i = 0; i < r.size(); ++i)
            out.push_back({r.int64(i, 0), r.int64(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)});
        return out;
    });
}

core::Result<void> PostgresStore::putAuditHead(const std::string& accountId, const std::string& deviceId, const AuditHead& head)
{
    return inTransaction<void>([&](Connection& c) -> core::Result<void> {
        // The row (or, for a first report, the account's lock) held until commit, so two
        // reports from one device are compared one after the other.
        c.run("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", {"head:" + accountId + ":" + deviceId});
        const auto r = c.run("SELECT seq, hash FROM audit_heads WHERE account_id = $1 AND device_id = $2", {accountId, deviceId});
        if (!r.empty() && (head.seq < r.int64(0, 0) || (head.seq == r.int64(0, 0) && head.hash != r.text(0, 1))))
            return makeError(ErrorCode::Refused, "This device's audit log is behind (or differs from) what it reported before.");
        c.run("INSERT INTO audit_heads (account_id, device_id, seq, hash, updated_at) VALUES ($1, $2, $3, $4, $5) "
              "ON CONFLICT (account_id, device_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, "
              "updated_at = EXCLUDED.updated_at",
              {accountId, deviceId, head.seq, head.hash, nowSeconds()});
        return core::Ok{};
    });
}

core::Result<std::optional<AuditHead>> PostgresStore::auditHead(const std::string& accountId, const std::string& deviceId)
{
    return withConnection<std::optional<AuditHead>>([&](Connection& c) {
        const auto r = c.run("SELECT seq, hash FROM audit_heads WHERE account_id = $1 AND device_id = $2", {accountId, deviceId});
        return r.empty() ? std::optional<AuditHead>() : std::optional<AuditHead>(AuditHead{r.int64(0, 0), r.text(0, 1)});
    });
}

core::Result<std::size_t> PostgresStore::eraseClient(const std::string& practiceId, const std::string& clientId,
                                                     const std::string& actor)
{
    auto erased = inTransaction<std::size_t>([&](Connection& c) -> core::Result<std::size_t> {
        lockPractice(c, "feed", practiceId);
        if (c.run("SELECT 1 FROM clients WHERE id = $1 AND practice_id = $2 "
                  "AND NOT EXISTS (SELECT 1 FROM erasures WHERE client_id = $1)",
                  {clientId, practiceId})
                .empty())
            return makeError(ErrorCode::NotFound, "No such client in this practice.");
        const auto objects = static_cast<std::size_t>(c.run("DELETE FROM objects WHERE client_id = $1", {clientId}).affected());
        c.run("DELETE FROM blobs WHERE client_id = $1", {clientId});
        c.run("DELETE FROM changes WHERE client_id = $1", {clientId});
        c.run("INSERT INTO changes (practice_id, client_id, object_id, type, version, author, signed) "
              "VALUES ($1, $2, $2, 'client_erased', 0, '', FALSE)",
              {practiceId, clientId});
        c.run("INSERT INTO erasures (client_id, practice_id, erased_at) VALUES ($1, $2, $3)", {clientId, practiceId, nowSeconds()});
        writeAudit(c, practiceId, "client.erased", actor, clientId);
        // On the erasure list outside the database before the commit: a commit whose answer
        // is lost is still listed (replaying an erasure is harmless; missing one is not).
        if (auto listed = appendErasure(m_dataDir, clientId, practiceId); !listed) return listed.error();
        return objects;
    });
    return erased;
}

core::Result<std::vector<Change>> PostgresStore::changes(const std::string& practiceId, std::int64_t after, std::size_t limit,
                                                         const std::string& reader, bool allClients)
{
    return withConnection<std::vector<Change>>([&](Connection& c) {
        const auto r = c.run(
            "SELECT seq, client_id, object_id, type, version, author, signed FROM changes c "
            "WHERE practice_id = $1 AND seq > $2 "
            "AND ($3::boolean OR EXISTS (SELECT 1 FROM client_therapists t WHERE t.client_id = c.client_id AND t.account_id = $4)) "
            "AND (type NOT IN ('recording', 'recording_key_wrap') OR author = $4) "
            "ORDER BY seq LIMIT $5",
            {practiceId, after, allClients, reader, static_cast<std::int64_t>(limit)});
        std::vector<Change> out;
        for (int i = 0; i < r.size(); ++i)
            out.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.int64(i, 4), r.text(i, 5), r.flag(i, 6)});
        return out;
    });
}

}  // namespace noteward::sync::server
