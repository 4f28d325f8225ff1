#include "server/embedded_store.h"

#include "server/data_folder.h"
#include "server/embedded_incoming_blob.h"
#include "server/erasure_list.h"
#include "server/store_key.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"

#include <array>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

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
    Migration{3, R"sql(
        CREATE TABLE clients (
            id          TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL REFERENCES practices(id),
            created_at  INTEGER NOT NULL
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
            version     INTEGER NOT NULL,
            author      TEXT NOT NULL,
            signed      INTEGER NOT NULL,
            size        INTEGER NOT NULL,
            envelope    BLOB NOT NULL,
            updated_at  INTEGER NOT NULL
        );
        -- The feed: one row per stored version, numbered across the store; read per practice
        -- through the index, so a read costs what it returns, not the practice's size.
        CREATE TABLE changes (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            practice_id TEXT NOT NULL,
            client_id   TEXT NOT NULL,
            object_id   TEXT NOT NULL,
            type        TEXT NOT NULL,
            version     INTEGER NOT NULL,
            author      TEXT NOT NULL,
            signed      INTEGER NOT NULL
        );
        CREATE INDEX changes_by_practice ON changes(practice_id, seq);
    )sql"},
    Migration{4, R"sql(
        -- Erased clients: ids only, never reused, replayed after a restore.
        CREATE TABLE erasures (
            client_id   TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL,
            erased_at   INTEGER NOT NULL
        );
        CREATE INDEX changes_by_client ON changes(client_id);
    )sql"},
    Migration{5, R"sql(
        CREATE TABLE audit (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            practice_id   TEXT NOT NULL,
            at            INTEGER NOT NULL,
            action        TEXT NOT NULL,
            actor         TEXT NOT NULL,
            object        TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash          TEXT NOT NULL
        );
        CREATE INDEX audit_by_practice ON audit(practice_id, seq);
        CREATE TABLE blobs (
            hash        TEXT PRIMARY KEY,
            practice_id TEXT NOT NULL,
            client_id   TEXT NOT NULL REFERENCES clients(id),
            author      TEXT NOT NULL,
            recording   INTEGER NOT NULL,
            size        INTEGER NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX blobs_by_client ON blobs(client_id);
        CREATE TABLE audit_heads (
            account_id TEXT NOT NULL,
            device_id  TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            hash       TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, device_id)
        );
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

}  // namespace

namespace {

std::int64_t nowSeconds() { return static_cast<std::int64_t>(time(nullptr)); }

}  // namespace

// SHA-256 over the entry's fields, each length-prefixed, and the previous entry's hash.
std::string auditHash(const AuditEntry& e, const std::string& practiceId)
{
    std::string joined;
    for (const std::string& field : {std::to_string(e.seq), std::to_string(e.at), practiceId, e.action, e.actor, e.object,
                                     e.previousHash})
        joined += std::to_string(field.size()) + ":" + field + ";";
    return core::toHex(core::crypto::sha256(core::asBytes(joined)));
}

EmbeddedStore::EmbeddedStore(std::unique_ptr<Database> db, std::unique_ptr<Database> reader,
                             std::unique_ptr<Database> checkpointing, std::filesystem::path dataDir, StoreLock inUse)
    : m_db(std::move(db)), m_reader(std::move(reader)),
      m_checkpointer(std::make_unique<WalCheckpointer>(std::move(checkpointing), *m_db)), m_dataDir(dataDir),
      m_blobDir(std::move(dataDir) / "blobs"), m_inUse(std::move(inUse))
{
    // Every write of a batch is answered with it (one writing connection: nothing to wait
    // for but the batch itself).
    m_batcher = std::make_unique<PutBatcher>([this](const std::vector<PendingPut>& batch) {
        auto outcomes = writeBatch(batch);
        return std::vector<std::optional<core::Result<PutOutcome>>>(std::make_move_iterator(outcomes.begin()),
                                                                     std::make_move_iterator(outcomes.end()));
    });
}

namespace {

std::size_t sweepUnlistedBlobs(Database& db, const std::filesystem::path& blobDir)
{
    std::size_t removed = 0;
    std::error_code ec;
    std::vector<std::filesystem::path> unlisted;
    auto listed = db.cached("SELECT 1 FROM blobs WHERE hash = ?;");
    for (auto it = std::filesystem::recursive_directory_iterator(blobDir, ec); !ec && it != std::filesystem::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        // Half-written temporaries of a put cut short, and chunks no row lists.
        listed.reset();
        if (name.size() != 64 || !listed.bind(1, name).step()) unlisted.push_back(it->path());
    }
    for (const auto& file : unlisted) removed += std::filesystem::remove(file, ec) ? 1u : 0u;
    return removed;
}

}  // namespace

std::filesystem::path EmbeddedStore::blobPath(const std::string& hash) const { return m_blobDir / hash.substr(0, 2) / hash; }
EmbeddedStore::~EmbeddedStore()
{
    m_batcher.reset();  // writes already queued are written and answered first
    {
        const auto lock = exclusive();
    }
    m_checkpointer.reset();
    m_reader.reset();
    m_db.reset();
    m_inUse.release();
}

core::Result<std::unique_ptr<EmbeddedStore>> EmbeddedStore::open(const std::filesystem::path& dataDir,
                                                                 const std::filesystem::path& keyFile)
{
    if (auto folder = ensurePrivateDataFolder(dataDir); !folder) return folder.error();
    std::error_code ec;
    // One process at a time makes or migrates the store (the server and an admin command
    // started together on a new folder would otherwise both create it).
    auto opening = StoreLock::take(StoreLock::openingPath(dataDir), StoreLock::Mode::Exclusive, StoreLock::Wait::Block);
    if (!opening) return opening.error();
    const auto file = dataDir / "store.db";
    const bool exists = std::filesystem::exists(file, ec);
    auto key = loadOrCreateStoreKey(keyFile, exists);
    if (!key) return key.error();
    auto opened = core::vault::guarded([&]() -> core::Result<std::unique_ptr<EmbeddedStore>> {
        // Another process writing at this moment makes the first read busy (the busy timeout
        // below is not set yet): waited for, up to five seconds.
        std::unique_ptr<Database> db;
        for (int attempt = 0; !db; ++attempt) {
            try {
                db = Database::open(file, key.value(), {.create = !exists, .cipherCompatibility = 0});
            } catch (const core::vault::DbError& e) {
                if (e.toError().code != ErrorCode::Busy || attempt >= 100) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        db->exec("PRAGMA busy_timeout = 5000;");  // the admin commands share the store with the server
        db->exec("PRAGMA foreign_keys = ON;");
        db->exec("PRAGMA journal_mode = WAL;");
        db->exec("PRAGMA synchronous = FULL;");  // an acknowledged write survives a power cut
        db->exec("PRAGMA secure_delete = ON;");  // erased envelopes are overwritten, not left in free pages
        migrate(*db);
        // Reads take a connection of their own: they see committed data only, so they neither
        // wait for nor end a batch of writes (see putObject).
        auto reader = Database::open(file, key.value(), {.create = false, .cipherCompatibility = 0});
        reader->exec("PRAGMA busy_timeout = 5000;");
        reader->exec("PRAGMA query_only = ON;");
        // The log is checkpointed off the writers' path (WalCheckpointer).
        auto checkpointing = Database::open(file, key.value(), {.create = false, .cipherCompatibility = 0});
        // While open, a shared lock on store.inuse. Alone with the store (no server or admin command has it open, so none is between a
        // chunk's file and its row): chunk files no row lists are removed. A crash between an
        // erasure's commit and its file removal leaves them, and they are an erased client's.
        // (A restore waits for the opening lock held here, so the lock's change to shared
        // below cannot let one in.)
        auto inUse = StoreLock::take(StoreLock::inUsePath(dataDir), StoreLock::Mode::Exclusive, StoreLock::Wait::Try);
        if (inUse) {
            (void)sweepUnlistedBlobs(*db, dataDir / "blobs");
            if (auto shared = inUse->change(StoreLock::Mode::Shared, StoreLock::Wait::Block); !shared) return shared.error();
        } else if (inUse.error().code == ErrorCode::Busy) {
            inUse = StoreLock::take(StoreLock::inUsePath(dataDir), StoreLock::Mode::Shared, StoreLock::Wait::Block);
        }
        if (!inUse) return inUse.error();
        return std::unique_ptr<EmbeddedStore>(new EmbeddedStore(std::move(db), std::move(reader), std::move(checkpointing), dataDir,
                                                                std::move(inUse.value())));
    });
    if (opened) return opened;
    // core words its errors for the desktop vault; here they are about the server's store.
    switch (opened.error().code) {
    case ErrorCode::Busy: return makeError(ErrorCode::Busy, "The store is busy in another noteward-syncd process; try again.");
    case ErrorCode::WrongPassphrase:
    case ErrorCode::NotAVault:
    case ErrorCode::Corrupt:
        return makeError(ErrorCode::Corrupt, "The store " + file.string() +
                                                 " cannot be read with its key file: the wrong key, or a damaged store.");
    default: return makeError(opened.error().code, "The store " + file.string() + " could not be opened: " + opened.error().message);
    }
}

core::Result<Practice> EmbeddedStore::createPractice(const std::string& name)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<Practice> {
        Practice p{core::crypto::randomUuid(), name};
        m_db->cached("INSERT INTO practices (id, name, created_at) VALUES (?, ?, ?);")
            .bind(1, p.id)
            .bind(2, p.name)
            .bind(3, nowSeconds())
            .run();
        return p;
    });
}

core::Result<std::optional<Practice>> EmbeddedStore::practice(const std::string& id)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::optional<Practice>> {
        auto st = m_reader->cached("SELECT id, name FROM practices WHERE id = ?;");
        st.bind(1, id);
        if (!st.step()) return std::optional<Practice>();
        return std::optional<Practice>(Practice{st.text(0), st.text(1)});
    });
}

core::Result<void> EmbeddedStore::putInvitation(const std::string& tokenHash, const Invitation& invitation)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->cached("INSERT INTO invitations (token_hash, practice_id, email, role, expires_at) VALUES (?, ?, ?, ?, ?);")
            .bind(1, tokenHash)
            .bind(2, invitation.practiceId)
            .bind(3, invitation.email)
            .bind(4, roleName(invitation.role))
            .bind(5, invitation.expiresAt)
            .run();
        return core::Ok{};
    });
}

core::Result<bool> EmbeddedStore::invitationUsable(const std::string& tokenHash, const std::string& email, std::int64_t now)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<bool> {
        auto st = m_reader->cached("SELECT 1 FROM invitations WHERE token_hash = ? AND email = ? AND expires_at >= ?;");
        st.bind(1, tokenHash).bind(2, email).bind(3, now);
        return st.step();
    });
}

core::Result<Account> EmbeddedStore::redeemInvitation(const std::string& tokenHash, const std::string& email,
                                                      const Account& account, std::int64_t now)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<Account> {
        Transaction tx(*m_db);
        auto st = m_db->cached("SELECT practice_id, email, role, expires_at FROM invitations WHERE token_hash = ?;");
        st.bind(1, tokenHash);
        // One answer for unknown, used, expired and someone else's invitation: no oracle.
        const auto refused = makeError(ErrorCode::NotFound, "This invitation is not valid: it may have expired or been used.");
        if (!st.step() || st.int64(3) < now || st.text(1) != email) return refused;
        Account made = account;
        made.practiceId = st.text(0);
        made.email = st.text(1);
        made.role = roleFromName(st.text(2)).value_or(Role::Therapist);
        auto exists = m_db->cached("SELECT 1 FROM accounts WHERE email = ?;");
        exists.bind(1, made.email);
        if (exists.step()) return makeError(ErrorCode::AlreadyExists, "An account with this e-mail already exists.");
        m_db->cached("DELETE FROM invitations WHERE token_hash = ?;").bind(1, tokenHash).run();
        m_db->cached("INSERT INTO accounts (id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed, created_at) "
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
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::optional<Account>> {
        auto st = m_reader->cached(std::string("SELECT id, practice_id, email, role, auth_hash, totp_secret, mfa_confirmed "
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
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<bool> {
        // One statement: two logins racing with the same code cannot both pass.
        m_db->cached("UPDATE accounts SET totp_last_step = ?, mfa_confirmed = 1 WHERE id = ? AND totp_last_step < ?;")
            .bind(1, static_cast<std::int64_t>(step))
            .bind(2, accountId)
            .bind(3, static_cast<std::int64_t>(step))
            .run();
        return m_db->changes() == 1;
    });
}

core::Result<void> EmbeddedStore::putSession(const SessionRow& session)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->cached("INSERT INTO sessions (token_hash, account_id, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?);")
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
    // Read on the reading connection: a request's session check must not end (commit) a batch
    // of other requests' writes. Only an expiry or a once-a-minute touch writes.
    auto found = [&]() -> core::Result<std::optional<SessionRow>> {
        std::lock_guard lock(m_readMutex);
        return core::vault::guarded([&]() -> core::Result<std::optional<SessionRow>> {
            auto st = m_reader->cached("SELECT account_id, created_at, last_seen, expires_at FROM sessions WHERE token_hash = ?;");
            st.bind(1, tokenHash);
            if (!st.step()) return std::optional<SessionRow>();
            return std::optional<SessionRow>(SessionRow{tokenHash, st.text(0), st.int64(1), st.int64(2), st.int64(3)});
        });
    }();
    if (!found || !found->has_value()) return found;
    SessionRow row = **found;
    const bool ended = now >= row.expiresAt || now - row.lastSeen > idleSeconds;
    // Written at most once a minute per session: a busy client does not turn reads into writes.
    if (!ended && now - row.lastSeen < 60) return found;
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<std::optional<SessionRow>> {
        if (ended) {
            m_db->cached("DELETE FROM sessions WHERE token_hash = ?;").bind(1, tokenHash).run();
            return std::optional<SessionRow>();
        }
        m_db->cached("UPDATE sessions SET last_seen = ? WHERE token_hash = ?;").bind(1, now).bind(2, tokenHash).run();
        // Revoked between the read and this write: the session is gone, not touched.
        if (m_db->changes() == 0) return std::optional<SessionRow>();
        row.lastSeen = now;
        return std::optional<SessionRow>(row);
    });
}

core::Result<void> EmbeddedStore::deleteSession(const std::string& tokenHash)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->cached("DELETE FROM sessions WHERE token_hash = ?;").bind(1, tokenHash).run();
        return core::Ok{};
    });
}

core::Result<void> EmbeddedStore::deleteSessionsOf(const std::string& accountId)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->cached("DELETE FROM sessions WHERE account_id = ?;").bind(1, accountId).run();
        return core::Ok{};
    });
}

// One credential column changed and every session of the account ended, in one transaction.
core::Result<void> EmbeddedStore::changeCredential(const char* updateSql, const std::string& value, const std::string& accountId)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        Transaction tx(*m_db);
        m_db->cached(updateSql).bind(1, value).bind(2, accountId).run();
        m_db->cached("DELETE FROM sessions WHERE account_id = ?;").bind(1, accountId).run();
        tx.commit();
        return core::Ok{};
    });
}

core::Result<void> EmbeddedStore::changeAuthHash(const std::string& accountId, const std::string& authHash)
{
    return changeCredential("UPDATE accounts SET auth_hash = ? WHERE id = ?;", authHash, accountId);
}

core::Result<void> EmbeddedStore::changeTotpSecret(const std::string& accountId, const std::string& secret)
{
    // The last accepted step stays: a code seen before the change is still spent.
    return changeCredential("UPDATE accounts SET totp_secret = ?, mfa_confirmed = 0 WHERE id = ?;", secret, accountId);
}

core::Result<bool> EmbeddedStore::registerClient(const std::string& practiceId, const std::string& clientId,
                                                 const std::optional<std::string>& therapist)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<bool> {
        Transaction tx(*m_db);
        auto erased = m_db->cached("SELECT 1 FROM erasures WHERE client_id = ?;");
        erased.bind(1, clientId);
        if (erased.step()) return makeError(ErrorCode::AlreadyExists, "This client id is taken.");
        auto st = m_db->cached("SELECT practice_id FROM clients WHERE id = ?;");
        st.bind(1, clientId);
        bool made = false;
        if (st.step()) {
            if (st.text(0) != practiceId) return makeError(ErrorCode::AlreadyExists, "This client id is taken.");
        } else {
            m_db->cached("INSERT INTO clients (id, practice_id, created_at) VALUES (?, ?, ?);")
                .bind(1, clientId)
                .bind(2, practiceId)
                .bind(3, nowSeconds())
                .run();
            made = true;
        }
        if (therapist)
            m_db->cached("INSERT OR IGNORE INTO client_therapists (client_id, account_id) VALUES (?, ?);")
                .bind(1, clientId)
                .bind(2, *therapist)
                .run();
        tx.commit();
        return made;
    });
}

core::Result<void> EmbeddedStore::assignTherapist(const std::string& clientId, const std::string& accountId)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        m_db->cached("INSERT OR IGNORE INTO client_therapists (client_id, account_id) VALUES (?, ?);")
            .bind(1, clientId)
            .bind(2, accountId)
            .run();
        return core::Ok{};
    });
}

core::Result<ClientAccess> EmbeddedStore::clientAccess(const std::string& practiceId, const std::string& clientId)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<ClientAccess> {
        ClientAccess access;
        auto st = m_reader->cached("SELECT 1 FROM clients WHERE id = ? AND practice_id = ? "
                                "AND id NOT IN (SELECT client_id FROM erasures);");
        st.bind(1, clientId).bind(2, practiceId);
        if (!st.step()) return access;
        access.exists = true;
        auto who = m_reader->cached("SELECT account_id FROM client_therapists WHERE client_id = ?;");
        who.bind(1, clientId);
        while (who.step()) access.therapists.push_back(who.text(0));
        return access;
    });
}

std::unique_lock<std::mutex> EmbeddedStore::exclusive()
{
    // The writer thread holds the mutex for a whole batch, BEGIN to COMMIT: between batches no
    // transaction is open.
    return std::unique_lock(m_mutex);
}

namespace {

// Ends whatever transaction is open, ignoring errors: after a failed COMMIT the transaction
// may or may not still be open, and the connection must leave it either way.
void rollBackIfOpen(Database& db)
{
    for (int attempt = 0; attempt < 3 && db.inTransaction(); ++attempt) {
        try {
            db.exec("ROLLBACK;");
        } catch (const core::vault::DbError&) {
            // tried again; a connection that stays stuck fails its next BEGIN, visibly
        }
    }
}

// One write inside the batch's transaction: undone alone if it fails, so the batch goes on. If
// even that fails, the batch is poisoned: committing it would keep half a write.
class Savepoint {
public:
    Savepoint(Database& db, bool& poisoned) : m_db(db), m_poisoned(poisoned) { m_db.cached("SAVEPOINT write;").run(); }
    ~Savepoint()
    {
        if (m_released) return;
        try {
            m_db.cached("ROLLBACK TO write;").run();
            m_db.cached("RELEASE write;").run();
        } catch (const core::vault::DbError&) {
            m_poisoned = true;
        }
    }
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release()
    {
        m_db.cached("RELEASE write;").run();
        m_released = true;
    }

private:
    Database& m_db;
    bool& m_poisoned;
    bool m_released = false;
};

}  // namespace

core::Result<PutOutcome> EmbeddedStore::putObject(const StoredObject& object, std::int64_t baseVersion)
{
    return m_batcher->put(object, baseVersion);
}

std::vector<core::Result<PutOutcome>> EmbeddedStore::writeBatch(const std::vector<PendingPut>& batch)
{
    std::vector<core::Result<PutOutcome>> outcomes;
    outcomes.reserve(batch.size());
    std::lock_guard lock(m_mutex);
    bool poisoned = false;
    auto begun = core::vault::guarded([&]() -> core::Result<void> {
        rollBackIfOpen(*m_db);
        m_db->exec("BEGIN IMMEDIATE;");
        return core::Ok{};
    });
    if (!begun) {
        // Nothing was read or written: each write gets the reason.
        outcomes.assign(batch.size(), begun.error());
        return outcomes;
    }
    for (const PendingPut& w : batch) outcomes.push_back(writeObject(*w.object, w.baseVersion, poisoned));
    // Every answer waits for the commit, conflicts too: "version 2 is current" may rest on a
    // write of the same batch, and must not be given if that write is never kept.
    bool failed = poisoned || !m_db->inTransaction();  // SQLite may have rolled it back itself
    if (!failed) {
        try {
            m_db->exec("COMMIT;");
        } catch (const core::vault::DbError&) {
            failed = true;
        }
    }
    if (failed) {
        rollBackIfOpen(*m_db);
        outcomes.assign(batch.size(), makeError(ErrorCode::Io, "The store could not commit the write; nothing of it was kept."));
    }
    return outcomes;
}

core::Result<PutOutcome> EmbeddedStore::writeObject(const StoredObject& object, std::int64_t baseVersion, bool& poisoned)
{
    return core::vault::guarded([&]() -> core::Result<PutOutcome> {
        Savepoint write(*m_db, poisoned);
        // An erasure that committed while this request was on its way wins.
        auto erased = m_db->cached("SELECT 1 FROM erasures WHERE client_id = ?;");
        if (erased.bind(1, object.clientId).step()) return PutOutcome{PutOutcome::Kind::ElsewhereOrOtherType, 0};
        auto st = m_db->cached("SELECT practice_id, client_id, type, version, signed FROM objects WHERE id = ?;");
        st.bind(1, object.objectId);
        const std::string type(protocol::objectTypeName(object.type));
        if (st.step()) {
            if (st.text(0) != object.practiceId || st.text(1) != object.clientId || st.text(2) != type)
                return PutOutcome{PutOutcome::Kind::ElsewhereOrOtherType, 0};
            const std::int64_t current = st.int64(3);
            if (st.int64(4) != 0) return PutOutcome{PutOutcome::Kind::Immutable, current};
            if (current != baseVersion) return PutOutcome{PutOutcome::Kind::VersionConflict, current};
        } else if (baseVersion != 0) {
            return PutOutcome{PutOutcome::Kind::VersionConflict, 0};
        }
        const std::int64_t version = baseVersion + 1;
        m_db->cached("INSERT OR REPLACE INTO objects (id, practice_id, client_id, type, version, author, signed, size, "
                      "envelope, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);")
            .bind(1, object.objectId)
            .bind(2, object.practiceId)
            .bind(3, object.clientId)
            .bind(4, type)
            .bind(5, version)
            .bind(6, object.author)
            .bind(7, static_cast<std::int64_t>(object.isSigned))
            .bind(8, static_cast<std::int64_t>(object.envelope.size()))
            .bind(9, core::ByteView(object.envelope))
            .bind(10, nowSeconds())
            .run();
        m_db->cached("INSERT INTO changes (practice_id, client_id, object_id, type, version, author, signed) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?);")
            .bind(1, object.practiceId)
            .bind(2, object.clientId)
            .bind(3, object.objectId)
            .bind(4, type)
            .bind(5, version)
            .bind(6, object.author)
            .bind(7, static_cast<std::int64_t>(object.isSigned))
            .run();
        writeAudit(object.practiceId, "object.put", object.author, object.objectId);
        write.release();
        return PutOutcome{PutOutcome::Kind::Stored, version};
    });
}

core::Result<std::optional<StoredObject>> EmbeddedStore::object(const std::string& practiceId, const std::string& clientId,
                                                                const std::string& objectId)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::optional<StoredObject>> {
        auto st = m_reader->cached("SELECT type, version, author, signed, envelope FROM objects "
                                "WHERE id = ? AND practice_id = ? AND client_id = ?;");
        st.bind(1, objectId).bind(2, practiceId).bind(3, clientId);
        if (!st.step()) return std::optional<StoredObject>();
        return std::optional<StoredObject>(StoredObject{practiceId, clientId, objectId,
                                                        protocol::objectTypeFromName(st.text(0)).value_or(protocol::ObjectType::ClientRecord),
                                                        st.int64(1), st.text(2), st.int64(3) != 0, st.blob(4)});
    });
}

core::Result<bool> EmbeddedStore::putBlob(const BlobInfo& info, core::ByteView data)
{
    // A chunk already listed is not written again, not even to a temporary file.
    if (auto listed = listedAlready(info)) return *listed;
    auto incoming = receiveBlob(info.hash, data.size());
    if (!incoming) return incoming.error();
    if (auto appended = (*incoming)->append(data); !appended) return appended.error();
    return (*incoming)->store(info);
}

core::Result<std::unique_ptr<IncomingBlob>> EmbeddedStore::receiveBlob(const std::string& hash, std::size_t)
{
    auto incoming = std::make_unique<EmbeddedIncomingBlob>(*this, blobPath(hash));
    if (auto opened = incoming->open(); !opened) return opened.error();
    return std::unique_ptr<IncomingBlob>(std::move(incoming));
}

std::optional<core::Result<bool>> EmbeddedStore::listedAlready(const BlobInfo& info)
{
    auto known = blobInfo(info.hash);
    if (!known) return core::Result<bool>(known.error());
    if (!known->has_value()) return std::nullopt;
    if ((*known)->clientId != info.clientId) return core::Result<bool>(makeError(ErrorCode::AlreadyExists, "This chunk belongs elsewhere."));
    return core::Result<bool>(false);
}

core::Result<bool> EmbeddedStore::listBlob(const BlobInfo& info)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<bool> {
        Transaction tx(*m_db);
        // An erasure that committed while the bytes were being written wins (its file is left
        // unlisted, like any file an erasure outran).
        auto erased = m_db->cached("SELECT 1 FROM erasures WHERE client_id = ?;");
        if (erased.bind(1, info.clientId).step()) return makeError(ErrorCode::NotFound, "No such client in this practice.");
        m_db->cached("INSERT OR IGNORE INTO blobs (hash, practice_id, client_id, author, recording, size, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?);")
            .bind(1, info.hash)
            .bind(2, info.practiceId)
            .bind(3, info.clientId)
            .bind(4, info.author)
            .bind(5, static_cast<std::int64_t>(info.recording))
            .bind(6, info.size)
            .bind(7, nowSeconds())
            .run();
        if (m_db->changes() != 1) {
            // Listed meanwhile (the caller's check was made before the lock): by this client, or not.
            auto owner = m_db->cached("SELECT client_id FROM blobs WHERE hash = ?;");
            owner.bind(1, info.hash);
            if (owner.step() && owner.text(0) != info.clientId)
                return makeError(ErrorCode::AlreadyExists, "This chunk belongs elsewhere.");
            return false;
        }
        writeAudit(info.practiceId, "blob.put", info.author, info.clientId);
        tx.commit();
        return true;
    });
}

core::Result<std::optional<BlobInfo>> EmbeddedStore::blobInfo(const std::string& hash)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::optional<BlobInfo>> {
        auto st = m_reader->cached("SELECT practice_id, client_id, author, recording, size FROM blobs WHERE hash = ?;");
        st.bind(1, hash);
        if (!st.step()) return std::optional<BlobInfo>();
        return std::optional<BlobInfo>(BlobInfo{hash, st.text(0), st.text(1), st.text(2), st.int64(3) != 0, st.int64(4)});
    });
}

core::Result<core::Bytes> EmbeddedStore::blobPiece(const std::string& hash, std::uint64_t offset, std::size_t length)
{
    const int fd = ::open(blobPath(hash).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? makeError(ErrorCode::NotFound, "No such chunk.")
                               : makeError(ErrorCode::Io, "A stored chunk could not be opened.");
    core::Bytes piece(length);
    std::size_t got = 0;
    while (got < length) {
        const auto n = ::pread(fd, piece.data() + got, length - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return makeError(ErrorCode::Io, "A stored chunk could not be read.");
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    piece.resize(got);
    return piece;
}

core::Result<std::vector<std::string>> EmbeddedStore::missingBlobs(const std::string& clientId,
                                                                   const std::vector<std::string>& hashes)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::vector<std::string>> {
        std::vector<std::string> missing;
        auto st = m_reader->cached("SELECT 1 FROM blobs WHERE hash = ? AND client_id = ?;");
        for (const auto& hash : hashes) {
            st.reset();
            st.bind(1, hash).bind(2, clientId);
            if (!st.step()) missing.push_back(hash);
        }
        return missing;
    });
}

void EmbeddedStore::writeAudit(const std::string& practiceId, const std::string& action, const std::string& actor,
                               const std::string& object)
{
    auto last = m_db->cached("SELECT hash FROM audit WHERE practice_id = ? ORDER BY seq DESC LIMIT 1;");
    last.bind(1, practiceId);
    const std::string previous = last.step() ? last.text(0) : std::string(64, '0');
    const std::int64_t at = nowSeconds();
    m_db->cached("INSERT INTO audit (practice_id, at, action, actor, object, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, '');")
        .bind(1, practiceId)
        .bind(2, at)
        .bind(3, action)
        .bind(4, actor)
        .bind(5, object)
        .bind(6, previous)
        .run();
    auto rowid = m_db->cached("SELECT last_insert_rowid();");
    const std::int64_t seq = rowid.step() ? rowid.int64(0) : 0;
    m_db->cached("UPDATE audit SET hash = ? WHERE seq = ?;")
        .bind(1, auditHash({seq, at, action, actor, object, previous, {}}, practiceId))
        .bind(2, seq)
        .run();
}

core::Result<void> EmbeddedStore::appendAudit(const std::string& practiceId, const std::string& action, const std::string& actor,
                                              const std::string& object)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        Transaction tx(*m_db);
        writeAudit(practiceId, action, actor, object);
        tx.commit();
        return core::Ok{};
    });
}

core::Result<std::vector<AuditEntry>> EmbeddedStore::audit(const std::string& practiceId, std::int64_t after, std::size_t limit)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::vector<AuditEntry>> {
        auto st = m_reader->cached("SELECT seq, at, action, actor, object, previous_hash, hash FROM audit "
                                "WHERE practice_id = ? AND seq > ? ORDER BY seq LIMIT ?;");
        st.bind(1, practiceId).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
        std::vector<AuditEntry> out;
        while (st.step()) out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
        return out;
    });
}

core::Result<void> EmbeddedStore::putAuditHead(const std::string& accountId, const std::string& deviceId, const AuditHead& head)
{
    const auto lock = exclusive();
    return core::vault::guarded([&]() -> core::Result<void> {
        Transaction tx(*m_db);
        auto st = m_db->cached("SELECT seq, hash FROM audit_heads WHERE account_id = ? AND device_id = ?;");
        st.bind(1, accountId).bind(2, deviceId);
        if (st.step() && (head.seq < st.int64(0) || (head.seq == st.int64(0) && head.hash != st.text(1))))
            return makeError(ErrorCode::Refused, "This device's audit log is behind (or differs from) what it reported before.");
        m_db->cached("INSERT OR REPLACE INTO audit_heads (account_id, device_id, seq, hash, updated_at) VALUES (?, ?, ?, ?, ?);")
            .bind(1, accountId)
            .bind(2, deviceId)
            .bind(3, head.seq)
            .bind(4, head.hash)
            .bind(5, nowSeconds())
            .run();
        tx.commit();
        return core::Ok{};
    });
}

core::Result<std::optional<AuditHead>> EmbeddedStore::auditHead(const std::string& accountId, const std::string& deviceId)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::optional<AuditHead>> {
        auto st = m_reader->cached("SELECT seq, hash FROM audit_heads WHERE account_id = ? AND device_id = ?;");
        st.bind(1, accountId).bind(2, deviceId);
        if (!st.step()) return std::optional<AuditHead>();
        return std::optional<AuditHead>(AuditHead{st.int64(0), st.text(1)});
    });
}

core::Result<std::size_t> EmbeddedStore::eraseClient(const std::string& practiceId, const std::string& clientId,
                                                     const std::string& actor)
{
    std::vector<std::filesystem::path> blobFiles;
    auto lock = exclusive();
    auto outcome = core::vault::guarded([&]() -> core::Result<std::size_t> {
        Transaction tx(*m_db);
        auto st = m_db->cached("SELECT 1 FROM clients WHERE id = ? AND practice_id = ? "
                                "AND id NOT IN (SELECT client_id FROM erasures);");
        st.bind(1, clientId).bind(2, practiceId);
        if (!st.step()) return makeError(ErrorCode::NotFound, "No such client in this practice.");
        m_db->cached("DELETE FROM objects WHERE client_id = ?;").bind(1, clientId).run();
        const auto erased = static_cast<std::size_t>(m_db->changes());
        auto blobs = m_db->cached("SELECT hash FROM blobs WHERE client_id = ?;");
        blobs.bind(1, clientId);
        while (blobs.step()) blobFiles.push_back(blobPath(blobs.text(0)));
        m_db->cached("DELETE FROM blobs WHERE client_id = ?;").bind(1, clientId).run();
        m_db->cached("DELETE FROM changes WHERE client_id = ?;").bind(1, clientId).run();
        m_db->cached("INSERT INTO changes (practice_id, client_id, object_id, type, version, author, signed) "
                      "VALUES (?, ?, ?, 'client_erased', 0, '', 0);")
            .bind(1, practiceId)
            .bind(2, clientId)
            .bind(3, clientId)
            .run();
        m_db->cached("INSERT INTO erasures (client_id, practice_id, erased_at) VALUES (?, ?, ?);")
            .bind(1, clientId)
            .bind(2, practiceId)
            .bind(3, nowSeconds())
            .run();
        writeAudit(practiceId, "client.erased", actor, clientId);
        // Listed before the commit: a crash after it cannot leave an erasure unlisted
        // (replaying one is harmless; missing one is not).
        if (auto listed = appendErasure(m_dataDir, clientId, practiceId); !listed) return listed.error();
        tx.commit();
        return erased;
    });
    lock.unlock();
    // The chunks' files go once the rows are gone (a crash in between leaves unlisted
    // ciphertext, never a listed chunk without its bytes).
    if (outcome)
        for (const auto& file : blobFiles) {
            std::error_code ec;
            std::filesystem::remove(file, ec);
        }
    return outcome;
}

core::Result<std::vector<Change>> EmbeddedStore::changes(const std::string& practiceId, std::int64_t after, std::size_t limit,
                                                         const std::string& reader, bool allClients)
{
    std::lock_guard lock(m_readMutex);  // committed data only: never waits for a write
    return core::vault::guarded([&]() -> core::Result<std::vector<Change>> {
        auto st = m_reader->cached(
            "SELECT seq, client_id, object_id, type, version, author, signed FROM changes c "
            "WHERE practice_id = ? AND seq > ? "
            "AND (? OR EXISTS (SELECT 1 FROM client_therapists t WHERE t.client_id = c.client_id AND t.account_id = ?)) "
            "AND (type NOT IN ('recording', 'recording_key_wrap') OR author = ?) "
            "ORDER BY seq LIMIT ?;");
        st.bind(1, practiceId)
            .bind(2, after)
            .bind(3, static_cast<std::int64_t>(allClients))
            .bind(4, reader)
            .bind(5, reader)
            .bind(6, static_cast<std::int64_t>(limit));
        std::vector<Change> out;
        while (st.step())
            out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.int64(4), st.text(5), st.int64(6) != 0});
        return out;
    });
}

}  // namespace noteward::sync::server
