#pragma once

#include "crypto/secret_bytes.h"
#include "server/put_batcher.h"
#include "server/server_store.h"
#include "server/store_lock.h"
#include "server/wal_checkpointer.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace noteward::core::vault {
class Database;
}

namespace noteward::sync::server {

// The embedded default: one SQLCipher database under the data folder, keyed by a random
// 256-bit key kept in a file of its own (0600; created on first start, or named in the
// configuration so it can live on other storage than the data).
class EmbeddedStore : public ServerStore {
public:
    // Held shared by every process with the store open; a restore takes it alone.

    static core::Result<std::unique_ptr<EmbeddedStore>> open(const std::filesystem::path& dataDir,
                                                            const std::filesystem::path& keyFile);
    ~EmbeddedStore() override;

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
    core::Result<std::unique_ptr<IncomingBlob>> receiveBlob(const std::string& hash, std::size_t expectedSize) override;
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
    friend class EmbeddedIncomingBlob;
    EmbeddedStore(std::unique_ptr<core::vault::Database> db, std::unique_ptr<core::vault::Database> reader,
                  std::unique_ptr<core::vault::Database> checkpointing, std::filesystem::path dataDir, StoreLock inUse);
    std::filesystem::path blobPath(const std::string& hash) const;
    // Lists a chunk whose file is already durable under its name (see EmbeddedIncomingBlob).
    core::Result<bool> listBlob(const BlobInfo& info);
    // A chunk already listed: false for this client, AlreadyExists for another (or the error
    // of asking); nothing when it is not listed yet.
    std::optional<core::Result<bool>> listedAlready(const BlobInfo& info);
    core::Result<std::optional<Account>> accountWhere(const char* column, const std::string& value);
    core::Result<void> changeCredential(const char* updateSql, const std::string& value, const std::string& accountId);
    // The next entry of the practice's audit chain, inside the caller's transaction (mutex held).
    void writeAudit(const std::string& practiceId, const std::string& action, const std::string& actor, const std::string& object);
    // The writing connection, between batches of object writes: every other method starts
    // here, so no transaction nests inside a batch.
    std::unique_lock<std::mutex> exclusive();
    // One object write inside the open batch's transaction (writer thread, mutex held).
    core::Result<PutOutcome> writeObject(const StoredObject& object, std::int64_t baseVersion, bool& poisoned);
    // A batch of object writes in one transaction, committed once (the batcher's thread).
    std::vector<core::Result<PutOutcome>> writeBatch(const std::vector<PendingPut>& batch);

    std::unique_ptr<core::vault::Database> m_db;
    std::unique_ptr<core::vault::Database> m_reader;  // committed data only (WAL), under m_readMutex
    std::unique_ptr<WalCheckpointer> m_checkpointer;  // on m_db, so declared (and destroyed) after it
    std::filesystem::path m_dataDir;
    std::filesystem::path m_blobDir;  // <data-dir>/blobs/<2 hex>/<hash>
    StoreLock m_inUse;                // shared while open (see StoreLock)
    std::mutex m_mutex;  // the writing connection, one statement at a time
    std::mutex m_readMutex;

    std::unique_ptr<PutBatcher> m_batcher;  // made last, stopped first
};

}  // namespace noteward::sync::server
