#include "records/note_records.h"

#include "records/engine_configuration.h"

#include "audit/audit_log.h"
#include "crypto/ed25519.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "model/validation.h"
#include "notes/draft_pipeline.h"
#include "util/clock.h"
#include "util/hex.h"
#include "vault/database.h"
#include "vault/guarded.h"
#include "vault/vault.h"

#include <algorithm>
#include <set>

namespace noteward::core::records {

using nlohmann::json;
using vault::Database;
using vault::NoteStore;
using vault::Transaction;

namespace {
constexpr std::size_t kMaxReasonLength = 500;
constexpr std::size_t kMaxAddendumLength = 20000;

Error alreadySigned()
{
    return makeError(ErrorCode::InvalidInput,
                     "The note for this session is signed and cannot change; add an addendum instead.");
}

std::string hashHex(std::string_view text) { return toHex(crypto::sha256(asBytes(text))); }

// Who said each segment, as one digest: the risk reading depends on it, text corrections aside.
std::string speakerDigest(const notes::Transcript& transcript)
{
    std::string joined;
    for (const auto& seg : transcript.segments) joined += seg.id + '\x1f' + seg.speaker + '\x1e';
    return hashHex(joined);
}

// The therapist's Ed25519 key, made on first use and kept (encrypted) in the vault.
crypto::Ed25519KeyPair signingKey(NoteStore& store, const std::string& userId)
{
    if (auto row = store.signingKey(userId)) return crypto::Ed25519KeyPair::fromSeed(row->seed.view());
    auto key = crypto::Ed25519KeyPair::generate();
    store.putSigningKey(userId, key.seed().view(), toHex(key.publicKey()));
    return key;
}

// What the audit log recorded at signing: the note's hash, and each addendum's. A signed
// record that was replaced or deleted afterwards no longer matches (unless the log was
// rewritten too, which audit verify and the audit head show).
void checkAgainstAuditLog(Database& db, const vault::StoredNote& note, const std::vector<vault::StoredAddendum>& addenda,
                          NoteVerification& result)
{
    auto hashesLogged = [&](const char* action) {
        std::vector<std::string> hashes;
        auto st = db.prepare("SELECT object_id FROM audit_log WHERE action = ? AND substr(object_id, 1, ?) = ?;");
        const std::string prefix = note.id + "#";
        st.bind(1, std::string_view(action)).bind(2, static_cast<std::int64_t>(prefix.size())).bind(3, prefix);
        while (st.step()) hashes.push_back(st.text(0).substr(prefix.size()));
        return hashes;
    };
    const auto signedHashes = hashesLogged("note.signed");
    if (!signedHashes.empty() && std::find(signedHashes.begin(), signedHashes.end(), note.hash) == signedHashes.end())
        result.problems.push_back("the note is not the one whose signing the audit log recorded: it was replaced after "
                                  "signing");
    const auto addendumHashes = hashesLogged("note.addendum");
    for (const std::string& logged : addendumHashes)
        if (std::none_of(addenda.begin(), addenda.end(), [&](const vault::StoredAddendum& a) { return a.hash == logged; }))
            result.problems.push_back("an addendum whose signing the audit log recorded is missing: it was deleted or "
                                      "replaced");
}

std::string signHash(const crypto::Ed25519KeyPair& key, const std::string& hash)
{
    return toHex(key.sign(asBytes(hash)));
}

std::string keyFingerprint(const std::string& publicKeyHex)
{
    const auto pub = fromHex(publicKeyHex);
    if (!pub) return {};
    return records::signingKeyFingerprint(*pub);
}

bool signatureValid(const std::string& publicKeyHex, const std::string& hash, const std::string& signatureHex)
{
    const auto pub = fromHex(publicKeyHex);
    const auto sig = fromHex(signatureHex);
    if (!pub || pub->size() != 32 || !sig) return false;
    crypto::Ed25519PublicKey key{};
    std::copy(pub->begin(), pub->end(), key.begin());
    return crypto::ed25519Verify(key, asBytes(hash), *sig);
}

// The previous signed note's homework and next steps, to offer to this session.
std::optional<notes::PreviousNote> previousForDrafting(const std::optional<vault::StoredNote>& note)
{
    if (!note) return std::nullopt;
    const json doc = json::parse(note->canonical, nullptr, false);
    if (doc.is_discarded()) return std::nullopt;
    notes::PreviousNote previous{note->hash, {}, {}};
    auto texts = [&](const char* key, std::vector<std::string>& out) {
        const auto& list = doc["sections"][key];
        if (list.is_array())
            for (const auto& st : list) out.push_back(st.value("text", std::string()));
    };
    texts("homework_given", previous.homeworkGiven);
    texts("next_steps", previous.nextSteps);
    return previous;
}

std::string auditActor(vault::Vault& v) { return v.user().id; }
}  // namespace

std::string signingKeyFingerprint(ByteView publicKey)
{
    const auto digest = crypto::sha256(publicKey);
    const std::string hex = toHex(ByteView(digest.data(), 20));
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 8) out += (out.empty() ? "" : " ") + hex.substr(i, 8);
    return out;
}

Result<std::optional<std::string>> NoteRecords::signingKeyFingerprint()
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<std::optional<std::string>> {
        const auto key = NoteStore(m_vault.database()).signingKey(m_vault.user().id);
        if (!key) return std::optional<std::string>();
        return std::optional<std::string>(keyFingerprint(key->publicKey));
    });
}

Result<void> NoteRecords::storeTranscript(const std::string& sessionId, const notes::Transcript& transcript,
                                          const std::string& engine)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        Transaction tx(m_vault.database());
        notes::Transcript copy = transcript;
        copy.sessionId = sessionId;
        // A draft cites segments of the transcript it was made from: with a new transcript its
        // citations and risk decisions would point at text that is gone, so it goes too.
        const bool hadDraft = store.draft(sessionId).has_value();
        store.putTranscript(sessionId, notes::toJson(copy).dump(), engine);
        audit::AuditLog log(m_vault.database());
        log.append(auditActor(m_vault), "transcript.stored", "session", sessionId);
        if (hadDraft) {
            m_vault.database().prepare("DELETE FROM drafts WHERE session_id = ?;").bind(1, sessionId).run();
            m_vault.database().prepare("DELETE FROM risk_reviews WHERE session_id = ?;").bind(1, sessionId).run();
            log.append(auditActor(m_vault), "draft.discarded", "session", sessionId);
        }
        tx.commit();
        return Ok{};
    });
}

Result<notes::Transcript> NoteRecords::transcript(const std::string& sessionId, bool original)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<notes::Transcript> {
        NoteStore store(m_vault.database());
        const auto stored = original ? store.machineTranscript(sessionId) : store.transcript(sessionId);
        if (!stored) return makeError(ErrorCode::NotFound, "This session has no transcript yet.");
        return notes::parseTranscript(*stored);
    });
}

Result<std::size_t> NoteRecords::nameSpeakers(const std::string& sessionId, const std::string& therapistLabel)
{
    if (therapistLabel != "speaker_1" && therapistLabel != "speaker_2")
        return makeError(ErrorCode::InvalidInput, "The therapist's voice is speaker_1 or speaker_2.");
    auto current = transcript(sessionId);
    if (!current) return current.error();
    std::size_t renamed = 0;
    for (auto& seg : current->segments) {
        if (seg.speaker != "speaker_1" && seg.speaker != "speaker_2") continue;
        seg.speaker = seg.speaker == therapistLabel ? "therapist" : "client";
        ++renamed;
    }
    if (renamed == 0) return makeError(ErrorCode::InvalidInput, "This transcript has no speaker_1 or speaker_2 segments to name.");
    return vault::guarded([&]() -> Result<std::size_t> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        Transaction tx(m_vault.database());
        store.putCorrectedTranscript(sessionId, notes::toJson(current.value()).dump());
        audit::AuditLog(m_vault.database()).append(auditActor(m_vault), "transcript.speakers_named", "session", sessionId);
        tx.commit();
        return renamed;
    });
}

Result<void> NoteRecords::correctSegment(const std::string& sessionId, const std::string& segmentId,
                                         const std::optional<std::string>& text, const std::optional<std::string>& speaker)
{
    if (speaker && *speaker != "therapist" && *speaker != "client" && *speaker != "unknown")
        return makeError(ErrorCode::InvalidInput, "A speaker is therapist, client or unknown.");
    if (text && text->empty()) return makeError(ErrorCode::InvalidInput, "A corrected segment needs some text.");
    if (text)
        if (auto ok = model::checkText(*text, "corrected text", kMaxAddendumLength, true); !ok) return ok.error();
    auto current = transcript(sessionId);
    if (!current) return current.error();
    auto it = std::find_if(current->segments.begin(), current->segments.end(),
                           [&](const notes::Segment& s) { return s.id == segmentId; });
    if (it == current->segments.end()) return makeError(ErrorCode::NotFound, "No segment " + segmentId + " in this transcript.");
    if (text) it->text = *text;
    if (speaker) it->speaker = *speaker;
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        Transaction tx(m_vault.database());
        store.putCorrectedTranscript(sessionId, notes::toJson(current.value()).dump());
        audit::AuditLog(m_vault.database()).append(auditActor(m_vault), "transcript.corrected", "session", sessionId);
        tx.commit();
        return Ok{};
    });
}

Result<notes::Draft> NoteRecords::draftSession(const std::string& sessionId, const std::vector<notes::NoteEngine*>& engines,
                                               std::vector<std::string>* notices)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    return vault::guarded([&]() -> Result<notes::Draft> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        const auto stored = store.transcript(sessionId);
        if (!stored)
            return makeError(ErrorCode::NotFound, "This session has no transcript yet; transcribe or import one first.");
        auto transcript = notes::parseTranscript(*stored);
        if (!transcript) return transcript.error();
        const auto previous = previousForDrafting(store.previousNote(session->clientId));
        auto draft = draftAudited(m_vault, engines, transcript.value(), previous ? &*previous : nullptr, "session",
                                  sessionId, notices);
        if (!draft) return draft.error();
        Transaction tx(m_vault.database());
        store.putDraft(sessionId, draft->engine, notes::toJson(draft.value()).dump());
        store.putDraftSpeakers(sessionId, speakerDigest(transcript.value()));
        // Reviews belonged to the old draft's flags; a new draft is reviewed afresh.
        m_vault.database().prepare("DELETE FROM risk_reviews WHERE session_id = ?;").bind(1, sessionId).run();
        audit::AuditLog(m_vault.database())
            .append(auditActor(m_vault), "note.drafted:" + draft->engine, "session", sessionId);
        tx.commit();
        return draft;
    });
}

Result<notes::Draft> NoteRecords::currentDraft(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<notes::Draft> {
        const auto stored = NoteStore(m_vault.database()).draft(sessionId);
        if (!stored) return makeError(ErrorCode::NotFound, "This session has no draft yet; run 'note draft' first.");
        const json doc = json::parse(*stored, nullptr, false);
        if (doc.is_discarded()) return makeError(ErrorCode::Corrupt, "The stored draft is damaged.");
        return notes::draftFromJson(doc);
    });
}

Result<void> NoteRecords::editSection(const std::string& sessionId, notes::Section section,
                                      const std::vector<std::string>& lines)
{
    auto draft = currentDraft(sessionId);
    if (!draft) return draft.error();
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        std::vector<notes::Statement> statements;
        for (const auto& line : lines) {
            if (auto ok = model::checkText(line, "statement", kMaxAddendumLength); !ok) return ok.error();
            if (!line.empty()) statements.push_back({line, {}, notes::Origin::Therapist, {}});
        }
        auto& target = draft->section(section);
        if (statements.empty()) target.reset();
        else target = std::move(statements);
        Transaction tx(m_vault.database());
        store.putDraft(sessionId, draft->engine, notes::toJson(draft.value()).dump());
        audit::AuditLog(m_vault.database()).append(auditActor(m_vault), "draft.edited", "session", sessionId);
        tx.commit();
        return Ok{};
    });
}

namespace {
bool sameStatement(const notes::Statement& a, const notes::Statement& b)
{
    return a.text == b.text && a.sources == b.sources && a.origin == b.origin;
}
}  // namespace

Result<void> NoteRecords::replaceSection(const std::string& sessionId, notes::Section section,
                                         const std::vector<notes::Statement>& statements)
{
    auto draft = currentDraft(sessionId);
    if (!draft) return draft.error();
    auto used = transcript(sessionId);
    if (!used) return used.error();
    const auto& current = draft->section(section);
    std::set<std::string> citable;
    for (const auto& segment : used->segments) citable.insert(segment.id);
    if (current)
        for (const auto& st : *current) citable.insert(st.sources.begin(), st.sources.end());
    for (const auto& st : statements) {
        if (auto ok = model::checkText(st.text, "statement", kMaxAddendumLength); !ok) return ok.error();
        if (st.text.empty()) return makeError(ErrorCode::InvalidInput, "A statement needs some text.");
        if (st.origin != notes::Origin::Therapist) {
            const bool unchanged = current && std::any_of(current->begin(), current->end(), [&](const notes::Statement& c) {
                                       return sameStatement(c, st);
                                   });
            if (!unchanged)
                return makeError(ErrorCode::InvalidInput,
                                 "An edited or new statement is the therapist's own: it cannot keep the engine's origin.");
        }
        for (const auto& source : st.sources)
            if (!citable.count(source))
                return makeError(ErrorCode::InvalidInput, "A statement cites " + source + ", which this transcript does not have.");
    }
    // An unchanged statement keeps the rule that wrote it (a front end need not carry it).
    std::vector<notes::Statement> kept = statements;
    for (auto& st : kept) {
        if (st.origin == notes::Origin::Therapist) {
            st.rule.clear();
            continue;
        }
        if (current)
            for (const auto& c : *current)
                if (sameStatement(c, st)) st.rule = c.rule;
    }
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        auto& target = draft->section(section);
        if (kept.empty()) target.reset();
        else target = kept;
        Transaction tx(m_vault.database());
        store.putDraft(sessionId, draft->engine, notes::toJson(draft.value()).dump());
        audit::AuditLog(m_vault.database()).append(auditActor(m_vault), "draft.edited", "session", sessionId);
        tx.commit();
        return Ok{};
    });
}

Result<void> NoteRecords::assessRisk(const std::string& sessionId, notes::RiskCategory category, notes::RiskStatus status,
                                     const std::string& note)
{
    if (note.empty())
        return makeError(ErrorCode::InvalidInput,
                         "Setting a category yourself needs a short note of what your assessment rests on.");
    if (auto ok = model::checkText(note, "note", kMaxReasonLength, true); !ok) return ok.error();
    auto draft = currentDraft(sessionId);
    if (!draft) return draft.error();
    const std::string key(notes::toKey(category));
    if (draft->risk(category))
        return makeError(ErrorCode::InvalidInput,
                         "The draft has a " + key + " flag: confirm or dismiss it instead of setting it yourself.");
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        Transaction tx(m_vault.database());
        store.putRiskReview(sessionId, {key, "assessed:" + std::string(notes::toKey(status)), note, nowUtcIso8601()});
        audit::AuditLog(m_vault.database())
            .append(auditActor(m_vault), "risk.assessed:" + key, "session", sessionId);
        tx.commit();
        return Ok{};
    });
}

Result<std::vector<vault::RiskReview>> NoteRecords::riskReviews(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<std::vector<vault::RiskReview>> {
        return NoteStore(m_vault.database()).riskReviews(sessionId);
    });
}

Result<void> NoteRecords::reviewRisk(const std::string& sessionId, notes::RiskCategory category, bool confirm,
                                     const std::optional<std::string>& reason)
{
    if (!confirm && (!reason || reason->empty()))
        return makeError(ErrorCode::InvalidInput, "Dismissing a risk flag needs a short reason.");
    if (reason && reason->size() > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput, "The reason must be at most 500 characters.");
    if (reason)
        if (auto ok = model::checkText(*reason, "reason", kMaxReasonLength, true); !ok) return ok.error();
    auto draft = currentDraft(sessionId);
    if (!draft) return draft.error();
    const notes::RiskFlag* flag = draft->risk(category);
    if (!flag)
        return makeError(ErrorCode::NotFound, "The draft has no " + std::string(notes::toKey(category)) +
                                                  " flag to review.");
    // A disclosure and a denial in one session: the clinician says how they resolved it,
    // whichever way they decide, and the resolution is signed with the note.
    if (flag->conflicting && (!reason || reason->empty()))
        return makeError(ErrorCode::InvalidInput,
                         std::string(notes::toKey(category)) +
                             " is conflicting (the client both disclosed and denied it): confirming or dismissing it "
                             "needs a short note of how you resolved it.");
    return vault::guarded([&]() -> Result<void> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        Transaction tx(m_vault.database());
        store.putRiskReview(sessionId, {std::string(notes::toKey(category)), confirm ? "confirmed" : "dismissed",
                                        confirm && !flag->conflicting ? std::nullopt : reason, nowUtcIso8601()});
        audit::AuditLog log(m_vault.database());
        log.append(auditActor(m_vault), confirm ? "risk.confirmed" : "risk.dismissed", "session", sessionId);
        if (flag->conflicting)
            log.append(auditActor(m_vault), "risk.conflict_resolved:" + std::string(notes::toKey(category)), "session",
                       sessionId);
        tx.commit();
        return Ok{};
    });
}

Result<vault::StoredNote> NoteRecords::sign(const std::string& sessionId, bool unlabelledSpeakersReviewed)
{
    auto draft = currentDraft(sessionId);
    if (!draft) return draft.error();
    // Risk is read from who said what: segments without a speaker were invisible to it, so a
    // note drafted from them could say "not assessed" for a disclosure.
    auto used = transcript(sessionId);
    if (!used) return used.error();
    const auto unlabelled = std::count_if(used->segments.begin(), used->segments.end(), [](const notes::Segment& s) {
        return s.speaker != "therapist" && s.speaker != "client";
    });
    if (unlabelled > 0 && !unlabelledSpeakersReviewed)
        return makeError(ErrorCode::InvalidInput,
                         std::to_string(unlabelled) + " transcript segment(s) have no speaker (therapist or client), "
                         "so the risk assessment could not read them. Set the speakers (transcript correct) and draft "
                         "again, or confirm that you reviewed them yourself to sign anyway.");
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    return vault::guarded([&]() -> Result<vault::StoredNote> {
        NoteStore store(m_vault.database());
        if (store.noteForSession(sessionId)) return alreadySigned();
        // Speakers named or corrected after drafting: the risk panel shows what was read when
        // (say) nobody was labelled the client, so it cannot be signed as this session's.
        if (const auto drafted = store.draftSpeakers(sessionId); drafted && *drafted != speakerDigest(used.value()))
            return makeError(ErrorCode::InvalidInput,
                             "The speakers changed after this note was drafted, so its risk assessment read the "
                             "transcript as it was. Draft again before signing.");
        const auto reviews = store.riskReviews(sessionId);
        json risks = json::array();
        for (const auto& flag : draft->risks) {
            const std::string key(notes::toKey(flag.category));
            const auto review = std::find_if(reviews.begin(), reviews.end(),
                                             [&](const vault::RiskReview& r) { return r.category == key; });
            if (review == reviews.end() || (review->decision != "confirmed" && review->decision != "dismissed"))
                return makeError(ErrorCode::InvalidInput, "Review every risk flag before signing: " + key +
                                                              " is not reviewed (confirm it, or dismiss it with a reason).");
            json item = notes::toJson(notes::Draft{"", {}, {flag}, {}})["risks"][0];
            item["review"] = {{"decision", review->decision},
                              {"reason", review->reason ? json(*review->reason) : json(nullptr)}};
            risks.push_back(std::move(item));
        }
        // Categories the engine did not assess and the therapist set themselves: no evidence
        // quotes, their note instead.
        constexpr std::string_view kAssessed = "assessed:";
        for (const auto& review : reviews) {
            if (review.decision.rfind(kAssessed, 0) != 0) continue;
            const auto category = notes::riskCategoryFromKey(review.category);
            if (!category || draft->risk(*category)) continue;
            risks.push_back({{"category", review.category},
                             {"status", review.decision.substr(kAssessed.size())},
                             {"evidence", json::array()},
                             {"review", {{"decision", "assessed"}, {"reason", review.reason ? json(*review.reason) : json(nullptr)}}}});
        }
        const auto transcript = store.transcript(sessionId);
        const auto previous = store.previousNote(session->clientId);
        const auto key = signingKey(store, m_vault.user().id);

        vault::StoredNote note;
        note.id = crypto::randomUuid();
        note.sessionId = sessionId;
        note.clientId = session->clientId;
        note.signedAt = nowUtcIso8601();
        note.publicKey = toHex(key.publicKey());
        const json draftJson = notes::toJson(draft.value());
        const json canonical = {
            {"type", "noteward.signed_note"},
            {"version", 1},
            {"note_id", note.id},
            {"session_id", sessionId},
            {"client_id", session->clientId},
            {"engine", draft->engine},
            {"unlabelled_segments_reviewed", unlabelled},
            {"transcript_sha256", transcript ? json(hashHex(*transcript)) : json(nullptr)},
            {"previous_note_sha256", previous ? json(previous->hash) : json(nullptr)},
            {"sections", draftJson["sections"]},
            {"risks", risks},
            {"signed_at", note.signedAt},
            {"signer", {{"user_id", m_vault.user().id}, {"public_key", note.publicKey}}},
        };
        note.canonical = canonical.dump();
        note.hash = hashHex(note.canonical);
        note.signature = signHash(key, note.hash);

        Transaction tx(m_vault.database());
        store.putNote(note);
        // The hash in the log ties the note to the chain: replacing the note later means
        // rewriting the log from here on.
        audit::AuditLog log(m_vault.database());
        if (unlabelled > 0) log.append(auditActor(m_vault), "note.unlabelled_speakers_reviewed", "note", note.id);
        log.append(auditActor(m_vault), "note.signed", "note", note.id + "#" + note.hash);
        tx.commit();
        return note;
    });
}

Result<vault::StoredAddendum> NoteRecords::addAddendum(const std::string& sessionId, const std::string& text)
{
    if (text.empty() || text.size() > kMaxAddendumLength)
        return makeError(ErrorCode::InvalidInput, "An addendum needs some text (at most 20,000 characters).");
    if (auto ok = model::checkText(text, "addendum", kMaxAddendumLength, true); !ok) return ok.error();
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<vault::StoredAddendum> {
        NoteStore store(m_vault.database());
        const auto note = store.noteForSession(sessionId);
        if (!note) return makeError(ErrorCode::NotFound, "This session has no signed note to add to.");
        const auto existing = store.addenda(note->id);
        const auto key = signingKey(store, m_vault.user().id);
        vault::StoredAddendum a;
        a.id = crypto::randomUuid();
        a.noteId = note->id;
        a.seq = static_cast<std::int64_t>(existing.size()) + 1;
        a.signedAt = nowUtcIso8601();
        a.publicKey = toHex(key.publicKey());
        const json canonical = {
            {"type", "noteward.addendum"},
            {"version", 1},
            {"addendum_id", a.id},
            {"note_id", note->id},
            {"note_sha256", note->hash},
            {"previous_sha256", existing.empty() ? note->hash : existing.back().hash},
            {"seq", a.seq},
            {"text", text},
            {"origin", "therapist"},
            {"signed_at", a.signedAt},
            {"signer", {{"user_id", m_vault.user().id}, {"public_key", a.publicKey}}},
        };
        a.canonical = canonical.dump();
        a.hash = hashHex(a.canonical);
        a.signature = signHash(key, a.hash);
        Transaction tx(m_vault.database());
        store.putAddendum(a);
        audit::AuditLog(m_vault.database()).append(auditActor(m_vault), "note.addendum", "note", note->id + "#" + a.hash);
        tx.commit();
        return a;
    });
}

Result<NoteVerification> NoteRecords::verify(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<NoteVerification> {
        NoteStore store(m_vault.database());
        const auto note = store.noteForSession(sessionId);
        if (!note) return makeError(ErrorCode::NotFound, "This session has no signed note.");
        NoteVerification result;
        result.noteHash = note->hash;
        const auto key = store.signingKey(m_vault.user().id);

        if (hashHex(note->canonical) != note->hash)
            result.problems.push_back("the note's content was changed after signing (its SHA-256 no longer matches)");
        if (!signatureValid(note->publicKey, note->hash, note->signature))
            result.problems.push_back("the note's signature is not valid for its hash");
        if (!key || key->publicKey != note->publicKey)
            result.problems.push_back("the note was not signed with this therapist's key");
        const json doc = json::parse(note->canonical, nullptr, false);
        if (doc.is_discarded()) {
            result.problems.push_back("the signed note is not readable JSON");
        } else {
            if (doc.value("note_id", "") != note->id || doc.value("session_id", "") != note->sessionId ||
                doc.value("client_id", "") != note->clientId)
                result.problems.push_back("the signed note names a different note, session or client than its record");
            const auto previous = store.previousNote(note->clientId, note->signedAt);
            const json expected = previous ? json(previous->hash) : json(nullptr);
            if (doc["previous_note_sha256"] != expected)
                result.problems.push_back("the link to the client's previous note is broken");
        }

        std::string previousHash = note->hash;
        std::int64_t seq = 0;
        for (const auto& a : store.addenda(note->id)) {
            ++seq;
            ++result.addendaChecked;
            const std::string which = "addendum " + std::to_string(a.seq);
            if (a.seq != seq) result.problems.push_back(which + " is out of sequence (expected " + std::to_string(seq) + ")");
            if (hashHex(a.canonical) != a.hash) result.problems.push_back(which + " was changed after signing");
            if (!signatureValid(a.publicKey, a.hash, a.signature))
                result.problems.push_back(which + "'s signature is not valid");
            const json adoc = json::parse(a.canonical, nullptr, false);
            if (adoc.is_discarded() || adoc.value("note_sha256", "") != note->hash)
                result.problems.push_back(which + " does not reference this note's hash");
            else if (adoc.value("previous_sha256", "") != previousHash)
                result.problems.push_back(which + " breaks the addendum chain (it does not follow " +
                                          (seq == 1 ? std::string("the note") : "addendum " + std::to_string(seq - 1)) + ")");
            previousHash = a.hash;
        }
        checkAgainstAuditLog(m_vault.database(), *note, store.addenda(note->id), result);
        if (key) result.signingKeyFingerprint = keyFingerprint(key->publicKey);
        return result;
    });
}

Result<std::optional<vault::StoredNote>> NoteRecords::signedNote(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<std::optional<vault::StoredNote>> {
        return NoteStore(m_vault.database()).noteForSession(sessionId);
    });
}

Result<std::vector<vault::StoredAddendum>> NoteRecords::addenda(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<std::vector<vault::StoredAddendum>> {
        NoteStore store(m_vault.database());
        const auto note = store.noteForSession(sessionId);
        if (!note) return std::vector<vault::StoredAddendum>();
        return store.addenda(note->id);
    });
}

}  // namespace noteward::core::records
