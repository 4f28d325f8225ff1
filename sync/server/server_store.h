#pragma once

#include "protocol/object_types.h"
#include "util/bytes.h"
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noteward::sync::server {

class IncomingBlob;

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

// An envelope and the routing metadata the server may know (DESIGN.md, envelope v1).
struct StoredObject {
    std::string practiceId;
    std::string clientId;
    std::string objectId;
    protocol::ObjectType type = protocol::ObjectType::ClientRecord;
    std::int64_t version = 0;
    std::string author;  // account id
    bool isSigned = false;
    core::Bytes envelope;
};

struct PutOutcome {
    enum class Kind { Stored, VersionConflict, Immutable, ElsewhereOrOtherType };
    Kind kind = Kind::Stored;
    std::int64_t version = 0;  // the stored version, or the current one on a conflict
};

// One entry of a practice's change feed.
struct Change {
    std::int64_t seq = 0;
    std::string clientId;
    std::string objectId;
    std::string type;
    std::int64_t version = 0;
    std::string author;
    bool isSigned = false;
};

// A ciphertext chunk, named by the SHA-256 of its bytes (64 lower-case hex digits). A long
// recording travels as many chunks, so an interrupted upload resumes with the ones missing.
struct BlobInfo {
    std::string hash;
    std::string practiceId;
    std::string clientId;
    std::string author;      // account id of the uploader
    bool recording = false;  // recording audio: readable by its author alone
    std::int64_t size = 0;
};

// One entry of a practice's server-side audit log: ids only, each entry hashing the one
// before it (per practice), so a changed or removed entry breaks the chain.
struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at = 0;
    std::string action;  // e.g. "session.created", "object.put", "client.erased"
    std::string actor;   // account id, or empty
    std::string object;  // object, client or account id, or empty
    std::string previousHash;
    std::string hash;
};

// An entry's hash as the chain holds it (the server computes it; a reader can recompute it).
std::string auditHash(const AuditEntry& entry, const std::string& practiceId);

// The newest entry of a device's own audit chain, as the device last reported it.
struct AuditHead {
    std::int64_t seq = 0;
    std::string hash;
};

// Who may see a client's records: the practice's managers, and the therapists assigned.
struct ClientAccess {
    bool exists = false;
    std::vector<std::string> therapists;
};

// Storage behind noteward-syncd. Two backends pass one test suite: the embedded SQLCipher
// store and (later) PostgreSQL. Every method is safe to call from the server's worker threads.
class ServerStore {
public:
    virtual ~ServerStore() = default;

    virtual core::Result<Practice> createPractice(const std::string& name) = 0;
    virtual core::Result<std::optional<Practice>> practice(const std::string& id) = 0;

    virtual core::Result<void> putInvitation(const std::string& tokenHash, const Invitation& invitation) = 0;
    // Whether the invitation could be redeemed now by `email` (a cheap check before the
    // expensive hash of the auth key; redeeming checks again).
    virtual core::Result<bool> invitationUsable(const std::string& tokenHash, const std::string& email, std::int64_t now) = 0;
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
    // useSession and the account it belongs to: what every signed-in request needs. A store
    // that can read both at once (PostgreSQL: one round trip instead of two) does.
    struct SignedInRow {
        SessionRow session;
        Account account;
    };
    virtual core::Result<std::optional<SignedInRow>> useSessionWithAccount(const std::string& tokenHash, std::int64_t now,
                                                                           std::int64_t idleSeconds)
    {
        auto session = useSession(tokenHash, now, idleSeconds);
        if (!session) return session.error();
        if (!session->has_value()) return std::optional<SignedInRow>();
        auto account = accountById((*session)->accountId);
        if (!account) return account.error();
        if (!account->has_value()) return std::optional<SignedInRow>();
        return std::optional<SignedInRow>(SignedInRow{std::move(**session), std::move(**account)});
    }
    virtual core::Result<void> deleteSession(const std::string& tokenHash) = 0;
    // Every session of an account (on a password or second-factor change).
    virtual core::Result<void> deleteSessionsOf(const std::string& accountId) = 0;

    // A new auth key (after a password change on the device) or a new TOTP secret (a new
    // authenticator; to be confirmed by the next sign-in). Either ends every session of the
    // account in the same transaction.
    virtual core::Result<void> changeAuthHash(const std::string& accountId, const std::string& authHash) = 0;
    virtual core::Result<void> changeTotpSecret(const std::string& accountId, const std::string& secret) = 0;

    // A client of a practice, with `therapist` assigned when given; AlreadyExists when the id
    // belongs to another practice. True when it was new.
    virtual core::Result<bool> registerClient(const std::string& practiceId, const std::string& clientId,
                                              const std::optional<std::string>& therapist) = 0;
    virtual core::Result<void> assignTherapist(const std::string& clientId, const std::string& accountId) = 0;
    virtual core::Result<ClientAccess> clientAccess(const std::string& practiceId, const std::string& clientId) = 0;

    // Optimistic concurrency: stored as version baseVersion + 1 only if the current version
    // is baseVersion (0: new). A signed object never changes. A stored version is audited
    // ("object.put", by its author) in the same transaction: no write without its entry.
    virtual core::Result<PutOutcome> putObject(const StoredObject& object, std::int64_t baseVersion) = 0;
    virtual core::Result<std::optional<StoredObject>> object(const std::string& practiceId, const std::string& clientId,
                                                             const std::string& objectId) = 0;
    // Changes after `after`, oldest first, at most `limit`, that `reader` may see: managers
    // (`allClients`) every client's, therapists their assigned clients'; recordings and their
    // key wraps only the author's own.
    // Stores a chunk once (audited as "blob.put" with it): true when new, false when it was already there for this client;
    // AlreadyExists when the same bytes belong to another client. The bytes are on disk
    // before the chunk is listed, so a listed chunk is always readable.
    virtual core::Result<bool> putBlob(const BlobInfo& info, core::ByteView data) = 0;
    // The same, for a chunk that arrives in pieces (see IncomingBlob). By default the pieces
    // are gathered in memory for putBlob; a store that writes files streams them to disk.
    virtual core::Result<std::unique_ptr<IncomingBlob>> receiveBlob(const std::string& hash, std::size_t expectedSize);
    virtual core::Result<std::optional<BlobInfo>> blobInfo(const std::string& hash) = 0;
    // At most `length` bytes of a chunk from `offset` (fewer at its end). Chunks are read in
    // pieces so a download streams through a small buffer instead of a copy of the chunk.
    virtual core::Result<core::Bytes> blobPiece(const std::string& hash, std::uint64_t offset, std::size_t length) = 0;
    // Of `hashes`, those this client does not have yet (what an interrupted upload still owes).
    virtual core::Result<std::vector<std::string>> missingBlobs(const std::string& clientId,
                                                                const std::vector<std::string>& hashes) = 0;

    virtual core::Result<void> appendAudit(const std::string& practiceId, const std::string& action, const std::string& actor,
                                           const std::string& object) = 0;
    virtual core::Result<std::vector<AuditEntry>> audit(const std::string& practiceId, std::int64_t after, std::size_t limit) = 0;

    // A device's audit head moves forward only: a head behind the stored one means the
    // device's log lost entries (Refused, with the stored head left as it was).
    virtual core::Result<void> putAuditHead(const std::string& accountId, const std::string& deviceId, const AuditHead& head) = 0;
    virtual core::Result<std::optional<AuditHead>> auditHead(const std::string& accountId, const std::string& deviceId) = 0;

    // Erasure (UK GDPR): the client's objects, key wraps and blobs deleted, their changes replaced
    // by one tombstone (type "client_erased") that the treating therapists' devices see, the
    // client id kept on an erasure list (ids only) so it is never reused and a restored
    // backup can replay it; audited as "client.erased" by `actor` (empty for a replay) in the
    // same transaction. NotFound for a client not in the practice or already erased.
    virtual core::Result<std::size_t> eraseClient(const std::string& practiceId, const std::string& clientId,
                                                  const std::string& actor) = 0;
    virtual core::Result<std::vector<Change>> changes(const std::string& practiceId, std::int64_t after, std::size_t limit,
                                                      const std::string& reader, bool allClients) = 0;
};

}  // namespace noteward::sync::server
