#include "vault/vault.h"

#include "crypto/random.h"
#include "model/validation.h"
#include "util/clock.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"
#include "vault/migrations.h"
#include "vault/recording_store.h"
#include "vault/vault_files.h"
#include "vault/vault_folder.h"
#include "vault/audit_head.h"
#include "crypto/ed25519.h"
#include "util/hex.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

#include <cstring>
#include <fstream>
#include <sstream>

namespace noteward::core::vault {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kSystemActor = "system";

Error wrongPassphrase()
{
    return makeError(ErrorCode::WrongPassphrase, "The passphrase is not correct.");
}

Result<void> checkNewPassphrase(const crypto::SecretBytes& passphrase)
{
    if (passphrase.size() < Vault::kMinPassphraseLength)
        return makeError(ErrorCode::InvalidInput, "The passphrase must be at least " +
                                                      std::to_string(Vault::kMinPassphraseLength) +
                                                      " characters long. A few unrelated words work well.");
    return Ok{};
}

// Best effort: a failed unlock is noted beside the vault (time only) and moved into the audit
// log at the next successful unlock. Failing to note it must not hide the real error.
void noteFailedUnlock(const VaultPaths& paths)
{
#ifndef _WIN32
    const int fd = ::open(paths.failedUnlocks().c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    const std::string line = nowUtcIso8601() + "\n";
    (void)!::write(fd, line.data(), line.size());
    ::close(fd);
#else
    std::ofstream out(paths.failedUnlocks(), std::ios::app);
    out << nowUtcIso8601() << '\n';
#endif
}

struct FailedUnlocks {
    std::vector<std::string> times;
    std::size_t unreadable = 0;  // lines that are not a time Noteward wrote
};

// Only lines exactly as noteFailedUnlock writes them ("2026-11-26T12:34:56.789Z") become
// audit entries; anything else in the file is counted, never copied.
FailedUnlocks pendingFailedUnlocks(const VaultPaths& paths)
{
    FailedUnlocks found;
    std::ifstream in(paths.failedUnlocks());
    std::size_t lines = 0;
    for (std::string line; lines < 10000 && std::getline(in, line); ++lines) {
        if (isIso8601UtcMillis(line)) found.times.push_back(line);
        else if (!line.empty()) ++found.unreadable;
    }
    return found;
}

// Whether the log still reaches the head recorded beside the vault at the last close; an
// entry that says what is missing if it does not.
std::optional<std::pair<std::string_view, std::string>> checkAgainstHead(Database& db, const VaultPaths& paths)
{
    const std::optional<audit::AuditHead> recorded = readAuditHead(paths);
    if (!recorded) {
        auto st = db.prepare("SELECT 1 FROM vault_flags WHERE name = ?;");
        st.bind(1, std::string_view(kAuditHeadSetting));
        if (st.step()) return std::pair{audit::action::kHeadMissing, std::string("audit.head")};
        return std::nullopt;
    }
    auto st = db.prepare("SELECT hash FROM audit_log WHERE seq = ?;");
    st.bind(1, recorded->seq);
    if (st.step() && st.text(0) == recorded->hash) return std::nullopt;
    return std::pair{audit::action::kTailMissing, std::to_string(recorded->seq) + ":" + recorded->hash};
}
}  // namespace

Error Vault::lockedError()
{
    return makeError(ErrorCode::Locked, "The vault is locked. Unlock it with your passphrase first.");
}

Vault::Vault(VaultPaths paths, KeyFile header, crypto::SecretBytes key, std::unique_ptr<Database> db)
    : m_paths(std::move(paths)), m_header(std::move(header)), m_key(std::move(key)), m_db(std::move(db))
{
}

Vault::~Vault() { sealAuditLog(); }

bool Vault::existsAt(const fs::path& dir)
{
    finishInterruptedRestore(dir);
    const VaultPaths paths{dir};
    return fs::exists(paths.keyFile()) || fs::exists(paths.database());
}

Result<std::unique_ptr<Vault>> Vault::create(const fs::path& dir, const crypto::SecretBytes& passphrase,
                                             const VaultIdentity& identity)
{
    if (auto ok = checkNewPassphrase(passphrase); !ok) return ok.error();
    for (const auto& [text, what] : {std::pair{identity.practiceName, "practice name"},
                                     std::pair{identity.therapistName, "therapist's name"},
                                     std::pair{identity.therapistEmail.value_or(""), "e-mail address"}})
        if (auto ok = model::checkText(text, what, 200); !ok) return ok.error();
    if (existsAt(dir))
        return makeError(ErrorCode::AlreadyExists, "A vault already exists at " + dir.string() + ".");
    auto lock = FolderLock::acquire(dir, FolderLock::Mode::Shared);
    if (!lock) return lock.error();
    if (auto made = createPrivateDirectory(dir); !made) return made.error();

    const VaultPaths paths{dir};
    // Built under a temporary name and renamed into place last, so a crash or a full disk
    // during creation never leaves something that looks like a vault.
    const fs::path staging = fs::path(paths.database()).concat(".new");
    removeDatabaseFiles(staging);
    crypto::SecretBytes key = crypto::randomSecret(32);
    const std::string vaultId = crypto::randomUuid();

    auto built = guarded([&]() -> Result<int> {
        auto db = Database::open(staging, key, {.create = true});
        const int cipherMajor = db->cipherMajorVersion();
        db->exec("PRAGMA journal_mode = WAL;");
        db->exec("PRAGMA synchronous = FULL;");
        db->exec("PRAGMA foreign_keys = ON;");
        if (auto migrated = migrate(*db); !migrated) return migrated.error();

        Transaction tx(*db);
        const std::string practiceId = crypto::randomUuid();
        const std::string userId = crypto::randomUuid();
        db->prepare("INSERT INTO practice (id, name) VALUES (?, ?);").bind(1, practiceId).bind(2, identity.practiceName).run();
        db->prepare("INSERT INTO local_user (id, practice_id, display_name, email, role) VALUES (?, ?, ?, ?, 'therapist');")
            .bind(1, userId)
            .bind(2, practiceId)
            .bind(3, identity.therapistName)
            .bind(4, identity.therapistEmail)
            .run();
        audit::AuditLog(*db).append(userId, audit::action::kVaultCreated, "vault", vaultId);
        tx.commit();
        return cipherMajor;
    });
    if (!built) {
        removeDatabaseFiles(staging);
        return built.error();
    }

    std::error_code ec;
    fs::permissions(staging, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    fs::rename(staging, paths.database(), ec);
    if (ec) {
        removeDatabaseFiles(staging);
        return makeError(ErrorCode::Io, "Could not create the vault: " + ec.message());
    }
    KeyFile header = KeyFile::wrap(vaultId, built.value(), passphrase.view(), key, crypto::Argon2Params{});
    if (auto written = writeFileAtomically(paths.keyFile(), asBytes(header.serialize())); !written) {
        removeDatabaseFiles(paths.database());
        return written.error();
    }

    auto db = openVaultDatabase(paths.database(), key, header.cipherCompatibility);
    if (!db) return db.error();
    std::unique_ptr<Vault> vault(new Vault(paths, std::move(header), std::move(key), std::move(db.value())));
    vault->m_lock = std::move(lock.value());
    if (auto loaded = vault->finishUnlock(); !loaded) return loaded.error();
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::open(const fs::path& dir, const crypto::SecretBytes& passphrase)
{
    finishInterruptedRestore(dir);
    // Alone on the vault (exclusive lock free), leftovers of killed writers can be cleared;
    // otherwise they may be another process's work in progress.
    auto lock = FolderLock::acquire(dir, FolderLock::Mode::Exclusive);
    const bool alone = lock.ok();
    if (!alone) lock = FolderLock::acquire(dir, FolderLock::Mode::Shared);
    if (!lock) return lock.error();
    const VaultPaths paths{dir};
    auto header = readKeyFile(paths);
    if (!header) return header.error();
    if (auto check = checkDatabaseFile(paths.database()); !check) return check.error();

    auto unwrapped = guarded([&]() -> Result<std::optional<crypto::SecretBytes>> {
        return header->unwrap(passphrase.view());
    });
    if (!unwrapped) return unwrapped.error();
    std::optional<crypto::SecretBytes> key = std::move(unwrapped.value());
    if (!key) {
        noteFailedUnlock(paths);
        return wrongPassphrase();
    }
    auto db = openVaultDatabase(paths.database(), *key, header->cipherCompatibility);
    if (!db) return db.error();
    std::unique_ptr<Vault> vault(new Vault(paths, std::move(header.value()), std::move(*key), std::move(db.value())));
    vault->m_warnings = tightenPermissions(paths);
    if (alone) {
        removeLeftovers(paths);
        (void)lock->change(FolderLock::Mode::Shared);
    }
    vault->m_lock = std::move(lock.value());
    if (auto loaded = vault->finishUnlock(); !loaded) return loaded.error();
    return vault;
}

Result<void> Vault::finishUnlock()
{
    return guarded([&]() -> Result<void> {
        auto profile = PracticeRepository(*m_db, std::string(kSystemActor)).load();
        if (!profile) return profile.error();
        m_practice = std::move(profile->practice);
        m_user = std::move(profile->user);
        const FailedUnlocks failures = pendingFailedUnlocks(m_paths);
        Transaction tx(*m_db);
        audit::AuditLog log(*m_db);
        if (auto missing = checkAgainstHead(*m_db, m_paths))
            log.append(kSystemActor, missing->first, "audit", missing->second);
        for (const std::string& time : failures.times)
            log.append(kSystemActor, audit::action::kUnlockFailed, "vault", m_header.vaultId, time);
        if (failures.unreadable > 0)
            log.append(kSystemActor, audit::action::kUnlockFailuresUnreadable, "vault",
                       std::to_string(failures.unreadable));
        for (const std::string& id : recoverUnfinishedRecordings(*m_db))
            log.append(kSystemActor, "recording.recovered", "recording", id);
        log.append(m_user.id, audit::action::kVaultUnlocked, "vault", m_header.vaultId);
        tx.commit();
        std::error_code ec;
        fs::remove(m_paths.failedUnlocks(), ec);
        if (auto written = writeAuditHead(m_paths, log.head()); !written) return written.error();
        // Only once a head exists beside the vault is its absence a finding.
        m_db->prepare("INSERT OR IGNORE INTO vault_flags (name) VALUES (?);")
            .bind(1, std::string_view(kAuditHeadSetting))
            .run();
        return Ok{};
    });
}

void Vault::sealAuditLog() noexcept
{
    if (!m_db) return;
    try {
        audit::AuditLog log(*m_db);
        auto head = log.head();
        auto key = m_db->prepare("SELECT seed FROM signing_keys WHERE user_id = ?;");
        key.bind(1, m_user.id);
        std::optional<crypto::SecretBytes> seed;
        if (key.step()) seed = key.secretBlob(0);
        if (head && seed && head->seq > 0) {
            // The head is read inside the write transaction, so no other process can append
            // between reading it and signing it.
            Transaction tx(*m_db);
            head = log.head();
            auto last = m_db->prepare("SELECT action FROM audit_log WHERE seq = ?;");
            last.bind(1, head->seq);
            if (last.step() && last.text(0) != audit::action::kCheckpoint) {
                const auto pair = crypto::Ed25519KeyPair::fromSeed(seed->view());
                const std::string signature =
                    toHex(pair.sign(asBytes(audit::AuditLog::checkpointMessage(m_header.vaultId, *head))));
                log.append(m_user.id, audit::action::kCheckpoint, "audit",
                           std::to_string(head->seq) + ":" + head->hash + ":" + signature);
            }
            tx.commit();
            head = log.head();
        }
        (void)writeAuditHead(m_paths, head);
    } catch (const std::exception&) {
        // Closing must not fail: the head lags, which the next check tolerates.
    }
}

void Vault::lock()
{
    sealAuditLog();
    m_db.reset();
    m_key = crypto::SecretBytes();
}

Result<void> Vault::unlock(const crypto::SecretBytes& passphrase)
{
    if (!isLocked()) return Ok{};
    auto reopened = open(m_paths.dir, passphrase);
    if (!reopened) return reopened.error();
    if (reopened.value()->vaultId() != m_header.vaultId)
        return makeError(ErrorCode::NotAVault, "The vault folder now holds a different vault.");
    Vault& other = *reopened.value();
    m_header = std::move(other.m_header);
    m_key = std::move(other.m_key);
    m_db = std::move(other.m_db);
    return Ok{};
}

Result<void> Vault::confirmPassphrase(const crypto::SecretBytes& passphrase)
{
    if (isLocked()) return lockedError();
    if (m_header.unwrap(passphrase.view())) return Ok{};
    if (auto audited = recordAudit("vault.passphrase_reentry_failed", "vault", m_header.vaultId); !audited)
        return audited.error();
    return wrongPassphrase();
}

Result<void> Vault::changePassphrase(const crypto::SecretBytes& current, const crypto::SecretBytes& next)
{
    if (isLocked()) return lockedError();
    if (auto ok = checkNewPassphrase(next); !ok) return ok.error();
    return guarded([&]() -> Result<void> {
        if (!m_header.unwrap(current.view())) return wrongPassphrase();
        KeyFile rewrapped = KeyFile::wrap(m_header.vaultId, m_header.cipherCompatibility, next.view(), m_key,
                                          m_header.kdf.atLeast(crypto::Argon2Params{}) ? m_header.kdf
                                                                                       : crypto::Argon2Params{});
        const std::string previous = m_header.serialize();
        Transaction tx(*m_db);
        audit::AuditLog(*m_db).append(m_user.id, audit::action::kPassphraseChanged, "vault", m_header.vaultId);
        if (auto written = writeFileAtomically(m_paths.keyFile(), asBytes(rewrapped.serialize())); !written)
            return written.error();
        try {
            tx.commit();
        } catch (const DbError&) {
            // The audit entry did not commit: put the old key file back so state and log agree.
            (void)writeFileAtomically(m_paths.keyFile(), asBytes(previous));
            throw;
        }
        m_header = std::move(rewrapped);
        return Ok{};
    });
}

Result<void> Vault::rekey(const crypto::SecretBytes& current, const crypto::SecretBytes& next)
{
    if (isLocked()) return lockedError();
    if (auto ok = checkNewPassphrase(next); !ok) return ok.error();
    auto unwrapped = guarded([&]() -> Result<bool> { return m_header.unwrap(current.view()).has_value(); });
    if (!unwrapped) return unwrapped.error();
    if (!unwrapped.value()) return wrongPassphrase();
    const fs::path dir = normalisedDirectory(m_paths.dir);
    std::error_code linkEc;
    if (fs::is_symlink(fs::symlink_status(dir, linkEc)))
        return makeError(ErrorCode::InvalidInput, dir.string() + " is a link to another folder; re-key the vault at " +
                                                      fs::canonical(dir, linkEc).string() + " instead.");
    if (!m_lock) return makeError(ErrorCode::Internal, "the vault folder is not locked");
    if (auto exclusive = m_lock->change(FolderLock::Mode::Exclusive); !exclusive) return exclusive.error();
    struct BackToShared {
        FolderLock& lock;
        ~BackToShared() { (void)lock.change(FolderLock::Mode::Shared); }
    } backToShared{*m_lock};
    if (const fs::path foreign = foreignEntry(dir); !foreign.empty())
        return makeError(ErrorCode::InvalidInput, "The vault folder also holds " + foreign.filename().string() +
                                                      ", which is not the vault's; move it out before re-keying.");
    const fs::path staging = stagingFolder(dir);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(staging, ec)) || fs::exists(fs::symlink_status(replacedFolder(dir), ec)))
        return makeError(ErrorCode::AlreadyExists, staging.string() + " or its sibling is in the way. Nothing was changed.");
    if (auto made = createPrivateDirectory(staging); !made) return made.error();
    const VaultPaths stagingPaths{staging};

    crypto::SecretBytes newKey = crypto::randomSecret(32);
    KeyFile newHeader = KeyFile::wrap(m_header.vaultId, m_header.cipherCompatibility, next.view(), newKey,
                                      m_header.kdf.atLeast(crypto::Argon2Params{}) ? m_header.kdf : crypto::Argon2Params{});
    sealAuditLog();
    auto built = guarded([&]() -> Result<void> {
        // sqlcipher_export is the one way to re-encrypt under a different key (the backup API
        // copies between databases of the same key only). The statement holds the key, so it
        // is built and kept in wiped memory.
        const std::string target = stagingPaths.database().string();
        // ATTACH opens with the vault connection's flags, which do not create files: start
        // from an empty private file (SQLite takes an empty file as a new database).
        if (auto created = writeFileAtomically(stagingPaths.database(), ByteView()); !created) return created;
        const std::string prefix = "ATTACH DATABASE " + sqlStringLiteral(target) + " AS rekeyed KEY \"";
        const crypto::SecretBytes literal = rawKeyLiteral(newKey);
        crypto::SecretBytes attach(prefix.size() + literal.size() + 3);
        std::memcpy(attach.data(), prefix.data(), prefix.size());
        std::memcpy(attach.data() + prefix.size(), literal.data(), literal.size());
        std::memcpy(attach.data() + prefix.size() + literal.size(), "\";", 2);
        attach.data()[attach.size() - 1] = 0;
        m_db->exec(std::string_view(reinterpret_cast<const char*>(attach.data()), attach.size() - 1));
        m_db->exec("SELECT sqlcipher_export('rekeyed');");
        m_db->exec("PRAGMA rekeyed.user_version = " + std::to_string(schemaVersion(*m_db)) + ";");
        m_db->exec("DETACH DATABASE rekeyed;");
        {
            auto db = openVaultDatabase(stagingPaths.database(), newKey, newHeader.cipherCompatibility);
            if (!db) return db.error();
            if (db.value()->scalarText("PRAGMA integrity_check;") != "ok")
                return makeError(ErrorCode::Corrupt, "The re-encrypted copy did not verify. Nothing was changed.");
            Transaction tx(*db.value());
            audit::AuditLog log(*db.value());
            log.append(m_user.id, audit::action::kPassphraseChanged, "vault", m_header.vaultId);
            log.append(m_user.id, audit::action::kVaultRekeyed, "vault", m_header.vaultId);
            tx.commit();
            if (auto r = writeAuditHead(stagingPaths, log.head()); !r) return r;
        }
        fs::permissions(stagingPaths.database(), fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace, ec);
        if (auto r = writeFileAtomically(stagingPaths.keyFile(), asBytes(newHeader.serialize())); !r) return r;
        return writeFileAtomically(staging / kRestoreCompleteMarker, asBytes(std::string_view("ok\n")));
    });
    if (!built) {
        try {
            m_db->exec("DETACH DATABASE rekeyed;");
        } catch (const DbError&) {
        }
        removeVaultFolder(staging);
        return built.error();
    }

    // Swap folders exactly as a restore does; the old vault (and its key file, wiped) goes.
    m_db.reset();
    const fs::path previous = replacedFolder(dir);
    fs::rename(dir, previous, ec);
    if (!ec) {
        syncDirectory(dir.parent_path());
        fs::rename(staging, dir, ec);
        if (ec) fs::rename(previous, dir, ec);
    }
    syncDirectory(dir.parent_path());
    finishInterruptedRestore(dir, true);
    // Swapped if the key file in place is the new one (whatever the renames reported).
    const auto inPlace = readWholeFile(m_paths.keyFile(), 64 * 1024);
    const bool swapped = inPlace && asText(inPlace.value()) == newHeader.serialize();
    const crypto::SecretBytes& keyInUse = swapped ? newKey : m_key;
    auto db = openVaultDatabase(m_paths.database(), keyInUse, m_header.cipherCompatibility);
    if (!db) return db.error();
    m_db = std::move(db.value());
    if (!swapped) {
        removeVaultFolder(staging);
        return makeError(ErrorCode::Io, "Could not put the re-keyed vault in place. Nothing was changed.");
    }
    m_key = std::move(newKey);
    m_header = std::move(newHeader);
    return Ok{};
}

Result<void> Vault::renamePractice(const std::string& name)
{
    if (isLocked()) return lockedError();
    auto renamed = PracticeRepository(*m_db, m_user.id).renamePractice(name);
    if (!renamed) return renamed.error();
    m_practice = std::move(renamed.value());
    return Ok{};
}

Result<void> Vault::updateUser(const std::string& displayName, const std::optional<std::string>& email)
{
    if (isLocked()) return lockedError();
    auto updated = PracticeRepository(*m_db, m_user.id).updateUser(displayName, email);
    if (!updated) return updated.error();
    m_user = std::move(updated.value());
    return Ok{};
}

Result<std::unique_ptr<Database>> Vault::openConnection()
{
    if (isLocked()) return lockedError();
    return openVaultDatabase(m_paths.database(), m_key, m_header.cipherCompatibility);
}

Database& Vault::database()
{
    if (!m_db) throw DbError(0, "the vault is locked");
    return *m_db;
}

ClientRepository Vault::clients() { return ClientRepository(database(), m_user.id); }
SessionRepository Vault::sessions() { return SessionRepository(database(), m_user.id); }
SettingsRepository Vault::settings() { return SettingsRepository(database()); }

Result<std::vector<audit::AuditEntry>> Vault::auditEntries(std::int64_t limit)
{
    if (isLocked()) return lockedError();
    return guarded([&]() -> Result<std::vector<audit::AuditEntry>> { return audit::AuditLog(*m_db).list(limit); });
}

Result<void> Vault::recordAudit(const std::string& action, const std::string& objectType, const std::string& objectId)
{
    if (isLocked()) return lockedError();
    return guarded([&]() -> Result<void> {
        Transaction tx(*m_db);
        audit::AuditLog(*m_db).append(m_user.id, action, objectType, objectId);
        tx.commit();
        return Ok{};
    });
}

Result<audit::AuditVerification> Vault::verifyAudit()
{
    if (isLocked()) return lockedError();
    return guarded([&]() -> Result<audit::AuditVerification> {
        std::vector<std::string> keys;
        auto st = m_db->prepare("SELECT public_key FROM signing_keys;");
        while (st.step()) keys.push_back(st.text(0));
        audit::AuditVerification result = audit::AuditLog(*m_db).verify(keys, m_header.vaultId);
        // The log must still reach the head recorded at the last close (this process may
        // have added entries since, so only a log that ends before it is a finding).
        if (const auto recorded = readAuditHead(m_paths)) {
            auto entry = m_db->prepare("SELECT hash FROM audit_log WHERE seq = ?;");
            entry.bind(1, recorded->seq);
            if (!entry.step() || entry.text(0) != recorded->hash)
                result.problems.push_back({recorded->seq, "the log no longer holds entry " + std::to_string(recorded->seq) +
                                                              " as it was when the vault was last closed: entries "
                                                              "were cut from its end or rewritten"});
        }
        return result;
    });
}

}  // namespace noteward::core::vault
