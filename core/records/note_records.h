#pragma once

#include "notes/draft.h"
#include "notes/note_engine.h"
#include "notes/transcript.h"
#include "util/result.h"
#include "vault/note_store.h"

#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::records {

// How a person compares signing keys: SHA-256 of the Ed25519 public key, first 20 bytes as
// five groups of eight hex digits (printed on the key sheet at the first signature).
std::string signingKeyFingerprint(ByteView publicKey);

struct NoteVerification {
    std::string noteHash;
    std::string signingKeyFingerprint;  // of this vault's therapist key
    std::size_t addendaChecked = 0;
    std::vector<std::string> problems;  // each names exactly what failed
    bool ok() const { return problems.empty(); }
};

// The path from transcript to signed record for one session:
//   transcript → draft (any engine, always verified) → therapist edits → risk review →
//   signature (Ed25519 over SHA-256 of the canonical note) → addenda.
// A signed note is immutable; corrections are signed addenda chained to it. Every step is
// written together with its audit entry (ids only).
class NoteRecords {
public:
    explicit NoteRecords(vault::Vault& vault) : m_vault(vault) {}

    // `engine`: what produced it ("local", "openai", "import").
    Result<void> storeTranscript(const std::string& sessionId, const notes::Transcript& transcript,
                                 const std::string& engine = "import");
    // The working transcript (corrections applied), or the machine original.
    Result<notes::Transcript> transcript(const std::string& sessionId, bool original = false);
    // The therapist corrects a segment's text and/or speaker; the original stays as it was and
    // drafting uses the corrected copy.
    // The therapist says which numbered voice is theirs: speaker_1/speaker_2 segments become
    // therapist/client in the corrected transcript (the machine original is kept). Returns how
    // many segments were named.
    Result<std::size_t> nameSpeakers(const std::string& sessionId, const std::string& therapistLabel);
    Result<void> correctSegment(const std::string& sessionId, const std::string& segmentId,
                                const std::optional<std::string>& text, const std::optional<std::string>& speaker);
    // Tries `engines` in order (a fallback only when one is unavailable). Which engine ran,
    // and that masked text left the device for a hosted one, go into the audit log.
    // `notices`: what the person must be told (e.g. that a fallback engine made the draft).
    Result<notes::Draft> draftSession(const std::string& sessionId, const std::vector<notes::NoteEngine*>& engines,
                                      std::vector<std::string>* notices = nullptr);
    Result<notes::Draft> currentDraft(const std::string& sessionId);

    // Replaces a section with the therapist's own statements (one per entry), marked as
    // theirs; an empty list makes the section "Not discussed".
    Result<void> editSection(const std::string& sessionId, notes::Section section, const std::vector<std::string>& lines);
    // The therapist's edit of one section, statement by statement (the desktop editor): a
    // statement keeps the engine's origin only if it is unchanged (same text, sources and
    // origin as one in the section now); edited or new text must be marked the therapist's,
    // and may cite only segments of this transcript or sources the section already had. An
    // empty list makes the section "Not discussed".
    Result<void> replaceSection(const std::string& sessionId, notes::Section section,
                                const std::vector<notes::Statement>& statements);
    // Confirm a flag, or dismiss it with a short reason. Only flags in the draft can be reviewed.
    Result<void> reviewRisk(const std::string& sessionId, notes::RiskCategory category, bool confirm,
                            const std::optional<std::string>& reason);
    // A category the draft left "not assessed", set by the therapist from their own
    // assessment, with a note saying what it rests on; signed with the note.
    Result<void> assessRisk(const std::string& sessionId, notes::RiskCategory category, notes::RiskStatus status,
                            const std::string& note);
    Result<std::vector<vault::RiskReview>> riskReviews(const std::string& sessionId);
    // Refuses while any risk flag is unreviewed, for a session already signed, and while
    // transcript segments have no speaker unless the therapist says they reviewed them
    // (audited, and recorded in the signed note).
    Result<vault::StoredNote> sign(const std::string& sessionId, bool unlabelledSpeakersReviewed = false);
    Result<vault::StoredAddendum> addAddendum(const std::string& sessionId, const std::string& text);
    Result<NoteVerification> verify(const std::string& sessionId);
    // The fingerprint of this therapist's signing key, or nullopt before their first signature.
    Result<std::optional<std::string>> signingKeyFingerprint();
    Result<std::optional<vault::StoredNote>> signedNote(const std::string& sessionId);
    // The signed note's addenda, oldest first (none before signing).
    Result<std::vector<vault::StoredAddendum>> addenda(const std::string& sessionId);

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::records
