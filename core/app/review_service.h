#pragma once

#include "app/session_record.h"
#include "crypto/secret_bytes.h"
#include "records/note_records.h"
#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

struct SignOutcome {
    vault::StoredNote note;
    std::string signingKeyFingerprint;
    // The signing key was made for this signature: the person must be shown the key sheet
    // (the fingerprint to keep away from this computer).
    bool firstSignature = false;
};

// Review and sign-off of one session's note, as both front ends run it: read the whole
// record, correct the transcript, edit statements, decide each risk flag, sign with the
// passphrase entered again, add addenda, verify.
class ReviewService {
public:
    explicit ReviewService(vault::Vault& vault) : m_vault(vault), m_records(vault) {}

    Result<SessionRecord> load(const std::string& sessionId);
    // The parts one at a time, for a front end that shows one (the CLI).
    Result<notes::Transcript> transcript(const std::string& sessionId, bool original = false);
    Result<notes::Draft> currentDraft(const std::string& sessionId);
    Result<std::optional<vault::StoredNote>> signedNote(const std::string& sessionId);
    Result<std::vector<vault::StoredAddendum>> addenda(const std::string& sessionId);

    // A transcript from elsewhere (a file); replaces the session's transcript and the draft made
    // from it.
    Result<void> importTranscript(const std::string& sessionId, const notes::Transcript& transcript);

    Result<void> correctSegment(const std::string& sessionId, const std::string& segmentId,
                                const std::optional<std::string>& text, const std::optional<std::string>& speaker);
    // Which numbered voice (speaker_1/speaker_2) is the therapist's; the other is the client.
    Result<std::size_t> nameSpeakers(const std::string& sessionId, const std::string& therapistLabel);
    Result<void> replaceSection(const std::string& sessionId, notes::Section section,
                                const std::vector<notes::Statement>& statements);
    // The whole section rewritten by the therapist, one statement per line.
    Result<void> rewriteSection(const std::string& sessionId, notes::Section section, const std::vector<std::string>& lines);
    Result<void> reviewRisk(const std::string& sessionId, notes::RiskCategory category, bool confirm,
                            const std::optional<std::string>& reason);
    Result<void> assessRisk(const std::string& sessionId, notes::RiskCategory category, notes::RiskStatus status,
                            const std::string& note);
    // The passphrase is checked first (a signature is the therapist's own act, not whoever
    // finds the laptop unlocked); then the risk gate and the speaker check in NoteRecords.
    // `passphrase` null: the caller has just had it entered for this very command (the CLI).
    Result<SignOutcome> sign(const std::string& sessionId, const crypto::SecretBytes* passphrase,
                             bool unlabelledSpeakersReviewed);
    Result<vault::StoredAddendum> addAddendum(const std::string& sessionId, const std::string& text);
    Result<records::NoteVerification> verify(const std::string& sessionId);

private:
    vault::Vault& m_vault;
    records::NoteRecords m_records;
};

}  // namespace noteward::core::app
