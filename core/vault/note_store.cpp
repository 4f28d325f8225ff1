#include "vault/note_store.h"

#include "util/clock.h"
#include "vault/database.h"

namespace noteward::core::vault {

namespace {
std::optional<std::string> single(Database& db, std::string_view sql, const std::string& key)
{
    auto st = db.prepare(sql);
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

StoredNote readNote(const Statement& st)
{
    StoredNote n;
    n.id = st.text(0);
    n.sessionId = st.text(1);
    n.clientId = st.text(2);
    n.canonical = st.text(3);
    n.hash = st.text(4);
    n.signature = st.text(5);
    n.publicKey = st.text(6);
    n.signedAt = st.text(7);
    return n;
}

constexpr std::string_view kNoteColumns =
    "SELECT id, session_id, client_id, canonical, hash, signature, public_key, signed_at FROM notes ";
}  // namespace

void NoteStore::putTranscript(const std::string& sessionId, const std::string& json, const std::string& engine)
{
    m_db.prepare("INSERT OR REPLACE INTO transcripts (session_id, json, machine_json, engine, updated_at) "
                 "VALUES (?, ?, ?, ?, ?);")
        .bind(1, sessionId)
        .bind(2, json)
        .bind(3, json)
        .bind(4, engine)
        .bind(5, nowUtcIso8601())
        .run();
}

void NoteStore::putCorrectedTranscript(const std::string& sessionId, const std::string& json)
{
    m_db.prepare("UPDATE transcripts SET json = ?, updated_at = ? WHERE session_id = ?;")
        .bind(1, json)
        .bind(2, nowUtcIso8601())
        .bind(3, sessionId)
        .run();
}

std::optional<std::string> NoteStore::machineTranscript(const std::string& sessionId)
{
    return single(m_db, "SELECT machine_json FROM transcripts WHERE session_id = ?;", sessionId);
}

std::optional<std::string> NoteStore::transcript(const std::string& sessionId)
{
    return single(m_db, "SELECT json FROM transcripts WHERE session_id = ?;", sessionId);
}

void NoteStore::putDraft(const std::string& sessionId, const std::string& engine, const std::string& json)
{
    // An edit keeps the speakers the draft was made from (see putDraftSpeakers).
    m_db.prepare("INSERT OR REPLACE INTO drafts (session_id, engine, json, updated_at, speakers) VALUES (?, ?, ?, ?, "
                 "(SELECT speakers FROM drafts WHERE session_id = ?));")
        .bind(1, sessionId)
        .bind(2, engine)
        .bind(3, json)
        .bind(4, nowUtcIso8601())
        .bind(5, sessionId)
        .run();
}

void NoteStore::putDraftSpeakers(const std::string& sessionId, const std::string& digest)
{
    m_db.prepare("UPDATE drafts SET speakers = ? WHERE session_id = ?;").bind(1, digest).bind(2, sessionId).run();
}

std::optional<std::string> NoteStore::draftSpeakers(const std::string& sessionId)
{
    return single(m_db, "SELECT speakers FROM drafts WHERE session_id = ? AND speakers IS NOT NULL;", sessionId);
}

std::optional<std::string> NoteStore::draft(const std::string& sessionId)
{
    return single(m_db, "SELECT json FROM drafts WHERE session_id = ?;", sessionId);
}

void NoteStore::putRiskReview(const std::string& sessionId, const RiskReview& review)
{
    m_db.prepare("INSERT OR REPLACE INTO risk_reviews (session_id, category, decision, reason, reviewed_at) "
                 "VALUES (?, ?, ?, ?, ?);")
        .bind(1, sessionId)
        .bind(2, review.category)
        .bind(3, review.decision)
        .bind(4, review.reason)
        .bind(5, review.reviewedAt)
        .run();
}

std::vector<RiskReview> NoteStore::riskReviews(const std::string& sessionId)
{
    auto st = m_db.prepare(
        "SELECT category, decision, reason, reviewed_at FROM risk_reviews WHERE session_id = ? ORDER BY category;");
    st.bind(1, sessionId);
    std::vector<RiskReview> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.optionalText(2), st.text(3)});
    return out;
}

std::optional<SigningKeyRow> NoteStore::signingKey(const std::string& userId)
{
    auto st = m_db.prepare("SELECT seed, public_key FROM signing_keys WHERE user_id = ?;");
    st.bind(1, userId);
    if (!st.step()) return std::nullopt;
    return SigningKeyRow{st.secretBlob(0), st.text(1)};
}

void NoteStore::putSigningKey(const std::string& userId, ByteView seed, const std::string& publicKey)
{
    m_db.prepare("INSERT INTO signing_keys (user_id, seed, public_key, created_at) VALUES (?, ?, ?, ?);")
        .bind(1, userId)
        .bind(2, seed)
        .bind(3, publicKey)
        .bind(4, nowUtcIso8601())
        .run();
}

void NoteStore::putNote(const StoredNote& n)
{
    m_db.prepare("INSERT INTO notes (id, session_id, client_id, canonical, hash, signature, public_key, signed_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?);")
        .bind(1, n.id)
        .bind(2, n.sessionId)
        .bind(3, n.clientId)
        .bind(4, n.canonical)
        .bind(5, n.hash)
        .bind(6, n.signature)
        .bind(7, n.publicKey)
        .bind(8, n.signedAt)
        .run();
}

std::optional<StoredNote> NoteStore::noteForSession(const std::string& sessionId)
{
    auto st = m_db.prepare(std::string(kNoteColumns) + "WHERE session_id = ?;");
    st.bind(1, sessionId);
    if (!st.step()) return std::nullopt;
    return readNote(st);
}

std::optional<StoredNote> NoteStore::previousNote(const std::string& clientId, const std::string& beforeSignedAt)
{
    auto st = m_db.prepare(std::string(kNoteColumns) +
                           "WHERE client_id = ?1 AND (?2 = '' OR signed_at < ?2) ORDER BY signed_at DESC LIMIT 1;");
    st.bind(1, clientId).bind(2, beforeSignedAt);
    if (!st.step()) return std::nullopt;
    return readNote(st);
}

void NoteStore::putAddendum(const StoredAddendum& a)
{
    m_db.prepare("INSERT INTO addenda (id, note_id, seq, canonical, hash, signature, public_key, signed_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?);")
        .bind(1, a.id)
        .bind(2, a.noteId)
        .bind(3, a.seq)
        .bind(4, a.canonical)
        .bind(5, a.hash)
        .bind(6, a.signature)
        .bind(7, a.publicKey)
        .bind(8, a.signedAt)
        .run();
}

std::vector<StoredAddendum> NoteStore::addenda(const std::string& noteId)
{
    auto st = m_db.prepare(
        "SELECT id, note_id, seq, canonical, hash, signature, public_key, signed_at FROM addenda "
        "WHERE note_id = ? ORDER BY seq;");
    st.bind(1, noteId);
    std::vector<StoredAddendum> out;
    while (st.step()) {
        StoredAddendum a;
        a.id = st.text(0);
        a.noteId = st.text(1);
        a.seq = st.int64(2);
        a.canonical = st.text(3);
        a.hash = st.text(4);
        a.signature = st.text(5);
        a.publicKey = st.text(6);
        a.signedAt = st.text(7);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace noteward::core::vault
