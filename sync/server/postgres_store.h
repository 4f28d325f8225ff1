#pragma once

#include "crypto/secret_bytes.h"
#include "server/pg_connection.h"
#include "server/put_batcher.h"
#include "server/server_store.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace noteward::sync::server {

// The production backend: PostgreSQL holds metadata and blobs (bytea), through a small pool of
// libpq connections, with versioned migrations applied at start under an advisory lock (so
// several servers starting together migrate once). The data folder keeps the TLS files and
// the erasure list, as for the embedded store.
class PostgresStore : public ServerStore {
public:
    // The newest schema this build knows (the noteward_schema table records what was applied).
    static int schemaVersion();
    // `keyFile` seals the accounts' TOTP secrets (made on first start, like the embedded
    // store's key; a database with accounts and no key file is refused).
    static core::Result<std::unique_ptr<PostgresStore>> open(const std::string& conninfo, const std::filesystem::path& dataDir,
                                                            const std::filesystem::path& keyFile, std::size_t connections);

    core::Result<Practice> createPractice(const std::string& name) override;
    core::Result<std::optional<Practice>> practice(const std::string& id) override;
    core::Result<void> putInvitation(const std::string& tokenHash, const Invitation& invitation) override;
    core::Result<bool> invitationUsable(const std::string& tokenHash, const std::string& email, std::int64_t now) override;
    core::Result<Account> redeemInvitation(const std::string& tokenHash, const std::string& email,
                                           const Account& account, std::int64_t now) override;
    core::Result<std::optional<Account>> accountByEmail(const std::string& email) override;
    core::Result<std::optional<Account>> accountById(const std::string& id) override;
    core::Result<bool> acceptTotpStep(const std::string& accountId, std::uint64_t step) override;
    core::Result<void> putSession(const SessionRow& session) override;
    core::Result<std::optional<SignedInRow>> useSessionWithAccount(const std::string& tokenHash, std::int64_t now,
                                                                   std::int64_t idleSeconds) override;
    core::Result<std::optional<SessionRow>> useSession(const std::string& tokenHash, std::int64_t now,
                                                       std::int64_t idleSeconds) override;
    core::Result<void> deleteSession(const std::string& tokenHash) override;
    core::Result<void> deleteSessionsOf(const std::string& accountId) override;
    core::Result<void> changeAuthHash(const std::string& accountId, const std::string& authHash) override;
    core::Result<void> changeTotpSecret(const std::string& accountId, const std::string& secret) override;
    core::Result<bool> registerClient(const std::string& practiceId, const std::string& clientId,
                                      const std::optional<std::string>& therapist) override;
    core::Result<void> assignTherapist(const std::string& clientId, const std::string& accountId) override;
    core::Result<ClientAccess> clientAccess(const std::string& practiceId, const std::string& clientId) override;
    core::Result<PutOutcome> putObject(const StoredObject& object, std::int64_t baseVersion) override;
    core::Result<std::optional<StoredObject>> object(const std::string& practiceId, const std::string& clientId,
                                                     const std::string& objectId) override;
    core::Result<bool> putBlob(const BlobInfo& info, core::ByteView data) override;
    core::Result<std::optional<BlobInfo>> blobInfo(const std::string& hash) override;
    core::Result<core::Bytes> blobPiece(const std::string& hash, std::uint64_t offset, std::size_t length) override;
    core::Result<std::vector<std::string>> missingBlobs(const std::string& clientId,
                                                        const std::vector<std::string>& hashes) override;
    core::Result<void> appendAudit(const std::string& practiceId, const std::string& action, const std::string& actor,
                                   const std::string& object) override;
    core::Result<std::vector<AuditEntry>> audit(const std::string& practiceId, std::int64_t after, std::size_t limit) override;
    core::Result<void> putAuditHead(const std::string& accountId, const std::string& deviceId, const AuditHead& head) override;
    core::Result<std::optional<AuditHead>> auditHead(const std::string& accountId, const std::string& deviceId) override;
    core::Result<std::size_t> eraseClient(const std::string& practiceId, const std::string& clientId,
                                           const std::string& actor) override;
    core::Result<std::vector<Change>> changes(const std::string& practiceId, std::int64_t after, std::size_t limit,
                                              const std::string& reader, bool allClients) override;

private:
    PostgresStore(std::unique_ptr<pg::Pool> pool, std::filesystem::path dataDir, core::crypto::SecretBytes secretKey);
    // One statement (or a few) outside a transaction, its PgError turned into a store error.
    template <typename T, typename Work>
    core::Result<T> withConnection(Work&& work);
    template <typename T, typename Work>
    core::Result<T> inTransaction(Work&& work);
    core::Result<std::optional<Account>> accountWhere(const char* sql, const std::string& value);
    // The account in columns `first`… of `rows` (id, practice_id, email, role, auth_hash,
    // totp_secret, mfa_confirmed), its second-factor secret opened.
    core::Result<Account> accountIn(const pg::Rows& rows, int first) const;
    core::Result<void> changeCredential(const char* updateSql, const std::string& value, const std::string& accountId);
    // A batch of object writes in one transaction under each practice's locks, committed once
    // (the batcher's thread); writes of a practice whose locks are held elsewhere for long
    // (and all, if a statement fails) are left to writeWaiting.
    std::vector<std::optional<core::Result<PutOutcome>>> writeBatch(const std::vector<PendingPut>& batch);
    // Writes of one practice, together, once its locks are free (up to the lock timeout).
    std::vector<core::Result<PutOutcome>> writeWaiting(const std::vector<PendingPut>& writes);

    std::unique_ptr<pg::Pool> m_pool;
    std::filesystem::path m_dataDir;
    core::crypto::SecretBytes m_secretKey;  // seals the TOTP secrets
    std::unique_ptr<PutBatcher> m_batcher;  // made last, stopped first (it uses the pool)
};

}  // namespace noteward::sync::server
