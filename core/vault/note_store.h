#pragma once

#include "crypto/secret_bytes.h"
#include "util/bytes.h"
#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

struct RiskReview {
    std::string category;
    std::string decision;  // "confirmed" or "dismissed"
    std::optional<std::string> reason;
    std::string reviewedAt;
};

struct StoredSignature {
    std::string id;
    std::string canonical;  // the exact bytes that were hashed and signed
    std::string hash;       // hex SHA-256 of canonical
    std::string signature;  // hex Ed25519 over the hash
    std::string publicKey;  // hex
    std::string signedAt;
};

struct StoredNote : StoredSignature {
    std::string sessionId;
    std::string clientId;
};

struct StoredAddendum : StoredSignature {
    std::string noteId;
    std::int64_t seq = 0;
};

struct SigningKeyRow {
    crypto::SecretBytes seed;
    std::string publicKey;
};

// Storage for the note workflow of one vault: transcripts, drafts, risk reviews, signed
// notes and addenda, and the therapist's signing key. Plain rows; the rules (risk gate,
// canonical form, signatures) live in core/records. Every write runs inside the caller's
// transaction, so records/ can pair it with its audit entry.
class NoteStore {
public:
    explicit NoteStore(Database& db) : m_db(db) {}

    // A new machine transcript: stored as the original and as the working (corrected) copy.
    void putTranscript(const std::string& sessionId, const std::string& json, const std::string& engine);
    // The therapist's corrections replace the working copy only.
    void putCorrectedTranscript(const std::string& sessionId, const std::string& json);
    std::optional<std::string> transcript(const std::string& sessionId);  // working copy
    std::optional<std::string> machineTranscript(const std::string& sessionId);

    void putDraft(const std::string& sessionId, const std::string& engine, const std::string& json);
    std::optional<std::string> draft(const std::string& sessionId);
    // Who spoke when the draft was made (a digest), so signing can tell a draft whose risk
    // reading predates a change of speakers.
    void putDraftSpeakers(const std::string& sessionId, const std::string& digest);
    std::optional<std::string> draftSpeakers(const std::string& sessionId);

    void putRiskReview(const std::string& sessionId, const RiskReview& review);
    std::vector<RiskReview> riskReviews(const std::string& sessionId);

    std::optional<SigningKeyRow> signingKey(const std::string& userId);
    void putSigningKey(const std::string& userId, ByteView seed, const std::string& publicKey);

    void putNote(const StoredNote& note);
    std::optional<StoredNote> noteForSession(const std::string& sessionId);
    // The client's note signed just before `beforeSignedAt` (or the latest when empty).
    std::optional<StoredNote> previousNote(const std::string& clientId, const std::string& beforeSignedAt = {});

    void putAddendum(const StoredAddendum& addendum);
    std::vector<StoredAddendum> addenda(const std::string& noteId);

private:
    Database& m_db;
};

}  // namespace noteward::core::vault
