#include "vault/vault.h"

#include "crypto/random.h"
#include "util/clock.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"
#include "vault/migrations.h"
#include "vault/recording_store.h"
#include "vault/vault_files.h"

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
    std::ofstream out(paths.failedUnlocks(), std::ios::app);
    out << nowUtcIso8601() << '\n';
}

std::vector<std::string> pendingFailedUnlocks(const VaultPaths& paths)
{
    std::vector<std::string> times;
    std::ifstream in(paths.failedUnlocks());
    for (std::string line; std::getline(in, line);)
        if (line.size() >= 20 && line.size() <= 32) times.push_back(line);
    return times;
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

Vault::~Vault() = default;

bool Vault::existsAt(const fs::path& dir)
{
    const VaultPaths paths{dir};
    return fs::exists(paths.keyFile()) || fs::exists(paths.database());
}

Result<std::unique_ptr<Vault>> Vault::create(const fs::path& dir, const crypto::SecretBytes& passphrase,
                                             const VaultIdentity& identity)
{
    if (auto ok = checkNewPassphrase(passphrase); !ok) return ok.error();
    if (existsAt(dir))
        return makeError(ErrorCode::AlreadyExists, "A vault already exists at " + dir.string() + ".");
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
    if (auto loaded = vault->finishUnlock(); !loaded) return loaded.error();
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::open(const fs::path& dir, const crypto::SecretBytes& passphrase)
{
    const VaultPaths paths{dir};
    auto header = readKeyFile(paths);
    if (!header) return header.error();
    if (auto check = checkDatabaseFile(paths.database()); !check) return check.error();

    std::optional<crypto::SecretBytes> key = guarded([&]() -> Result<std::optional<crypto::SecretBytes>> {
        return header->unwrap(passphrase.view());
    }).value();
    if (!key) {
        noteFailedUnlock(paths);
        return wrongPassphrase();
    }
    auto db = openVaultDatabase(paths.database(), *key, header->cipherCompatibility);
    if (!db) return db.error();
    std::unique_ptr<Vault> vault(new Vault(paths, std::move(header.value()), std::move(*key), std::move(db.value())));
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
        const std::vector<std::string> failures = pendingFailedUnlocks(m_paths);
        Transaction tx(*m_db);
        audit::AuditLog log(*m_db);
        for (const std::string& time : failures)
            log.append(kSystemActor, audit::action::kUnlockFailed, "vault", m_header.vaultId, time);
        for (const std::string& id : recoverUnfinishedRecordings(*m_db))
            log.append(kSystemActor, "recording.recovered", "recording", id);
        log.append(m_user.id, audit::action::kVaultUnlocked, "vault", m_header.vaultId);
        tx.commit();
        std::error_code ec;
        fs::remove(m_paths.failedUnlocks(), ec);
        return Ok{};
    });
}

void Vault::lock()
{
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
    return guarded([&]() -> Result<audit::AuditVerification> { return audit::AuditLog(*m_db).verify(); });
}

}  // namespace noteward::core::vault
