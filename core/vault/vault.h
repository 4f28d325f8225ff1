#pragma once

#include "audit/audit_log.h"
#include "crypto/secret_bytes.h"
#include "model/practice.h"
#include "util/result.h"
#include "vault/client_repository.h"
#include "vault/key_file.h"
#include "vault/practice_repository.h"
#include "vault/session_repository.h"
#include "vault/settings_repository.h"
#include "vault/vault_folder.h"
#include "vault/vault_paths.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

struct VaultIdentity {
    std::string practiceName = "My practice";
    std::string therapistName = "Therapist";
    std::optional<std::string> therapistEmail;
};

// One therapist's encrypted vault on this device: a SQLCipher database keyed with a random
// 256-bit key, and the key file that wraps that key under the passphrase.
class Vault {
public:
    static constexpr std::size_t kMinPassphraseLength = 10;

    static Result<std::unique_ptr<Vault>> create(const std::filesystem::path& dir,
                                                 const crypto::SecretBytes& passphrase,
                                                 const VaultIdentity& identity = {});
    static Result<std::unique_ptr<Vault>> open(const std::filesystem::path& dir,
                                               const crypto::SecretBytes& passphrase);
    // Restores a backup made by backupTo() into `dir`. Refuses to overwrite an existing vault
    // unless `replace`; verifies the whole file and the passphrase before touching `dir`.
    static Result<void> restore(const std::filesystem::path& backupFile, const std::filesystem::path& dir,
                                const crypto::SecretBytes& passphrase, bool replace);
    static bool existsAt(const std::filesystem::path& dir);

    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    bool isLocked() const { return m_db == nullptr; }
    // Closes the database and wipes the key from memory.
    void lock();
    Result<void> unlock(const crypto::SecretBytes& passphrase);
    // Re-wraps the vault key under the new passphrase; the database is not rewritten, so an
    // old copy of vault.key still opens it with the old passphrase (see rekey()).
    // Asks for the passphrase again before an act that must be the therapist's own (signing):
    // Argon2id over the key file; a wrong one is audited as a failed re-entry.
    Result<void> confirmPassphrase(const crypto::SecretBytes& passphrase);
    Result<void> changePassphrase(const crypto::SecretBytes& current, const crypto::SecretBytes& next);
    // Changes the passphrase and the vault key itself: the database is re-encrypted under a
    // new random key into a new folder that replaces this one (as a restore does, recovered
    // the same way if killed), and the old key file is wiped. Afterwards an old vault.key
    // opens nothing that was written since. Other windows on this vault must be closed first.
    Result<void> rekey(const crypto::SecretBytes& current, const crypto::SecretBytes& next);
    // A consistent copy of the open vault in one file, still encrypted (see vault_backup.cpp).
    Result<void> backupTo(const std::filesystem::path& file);

    const std::filesystem::path& directory() const { return m_paths.dir; }
    // What a person should know about how the vault was found at open (e.g. files readable by
    // other users, made private since).
    const std::vector<std::string>& warnings() const { return m_warnings; }
    const std::string& vaultId() const { return m_header.vaultId; }
    const model::Practice& practice() const { return m_practice; }
    const model::LocalUser& user() const { return m_user; }

    // Practice name and the therapist's details; keeps practice() and user() current.
    Result<void> renamePractice(const std::string& name);
    Result<void> updateUser(const std::string& displayName, const std::optional<std::string>& email);

    // Repositories over the open database. They throw if the vault is locked: check
    // isLocked() first (the desktop app drops them when it locks).
    ClientRepository clients();
    SessionRepository sessions();
    SettingsRepository settings();
    Result<std::vector<audit::AuditEntry>> auditEntries(std::int64_t limit = 0);
    // One audit entry by this vault's therapist, in its own transaction (ids only).
    Result<void> recordAudit(const std::string& action, const std::string& objectType, const std::string& objectId);
    Result<audit::AuditVerification> verifyAudit();

    // A second connection with the same key, for a writer on its own thread (the recorder).
    // It keeps the database key in memory until closed, even if this Vault is locked.
    Result<std::unique_ptr<Database>> openConnection();

    // The open connection, for core code and tests that need SQL; throws if locked.
    Database& database();

    static Error lockedError();

private:
    Vault(VaultPaths paths, KeyFile header, crypto::SecretBytes key, std::unique_ptr<Database> db);
    Result<void> finishUnlock();
    // At lock and close: a checkpoint signed with the therapist's key (once they have one)
    // and the head record beside the vault.
    void sealAuditLog() noexcept;

    VaultPaths m_paths;
    KeyFile m_header;
    crypto::SecretBytes m_key;
    std::unique_ptr<Database> m_db;
    model::Practice m_practice;
    model::LocalUser m_user;
    std::vector<std::string> m_warnings;
    // Shared while this Vault exists, so no other process swaps the folder underneath it.
    std::optional<FolderLock> m_lock;
};

}  // namespace noteward::core::vault
