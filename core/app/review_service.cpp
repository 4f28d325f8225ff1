#include "app/review_service.h"

#include "audio/recordings.h"
#include "vault/vault.h"

namespace noteward::core::app {

namespace {
template <typename T>
std::optional<T> presentOrNone(Result<T> result, Error& failure)
{
    if (result) return std::move(result.value());
    if (result.error().code != ErrorCode::NotFound) failure = result.error();
    return std::nullopt;
}
}  // namespace

Result<SessionRecord> ReviewService::load(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    SessionRecord record;
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    record.session = std::move(session.value());
    auto client = m_vault.clients().get(record.session.clientId);
    if (!client) return client.error();
    record.client = std::move(client.value());

    Error failure{ErrorCode::NotFound, {}};
    if (auto recording = presentOrNone(audio::Recordings(m_vault).latest(sessionId), failure))
        record.recordingSeconds = recording->seconds();
    record.transcript = presentOrNone(m_records.transcript(sessionId), failure);
    record.machineTranscript = presentOrNone(m_records.transcript(sessionId, true), failure);
    record.draft = presentOrNone(m_records.currentDraft(sessionId), failure);
    if (failure.code != ErrorCode::NotFound) return failure;
    auto reviews = m_records.riskReviews(sessionId);
    if (!reviews) return reviews.error();
    record.reviews = std::move(reviews.value());
    auto note = m_records.signedNote(sessionId);
    if (!note) return note.error();
    record.signedNote = std::move(note.value());
    auto addenda = m_records.addenda(sessionId);
    if (!addenda) return addenda.error();
    record.addenda = std::move(addenda.value());
    return record;
}

Result<notes::Transcript> ReviewService::transcript(const std::string& sessionId, bool original)
{
    return m_records.transcript(sessionId, original);
}

Result<notes::Draft> ReviewService::currentDraft(const std::string& sessionId) { return m_records.currentDraft(sessionId); }

Result<std::optional<vault::StoredNote>> ReviewService::signedNote(const std::string& sessionId)
{
    return m_records.signedNote(sessionId);
}

Result<std::vector<vault::StoredAddendum>> ReviewService::addenda(const std::string& sessionId)
{
    return m_records.addenda(sessionId);
}

Result<void> ReviewService::importTranscript(const std::string& sessionId, const notes::Transcript& transcript)
{
    return m_records.storeTranscript(sessionId, transcript, "import");
}

Result<void> ReviewService::rewriteSection(const std::string& sessionId, notes::Section section,
                                           const std::vector<std::string>& lines)
{
    return m_records.editSection(sessionId, section, lines);
}

Result<void> ReviewService::correctSegment(const std::string& sessionId, const std::string& segmentId,
                                           const std::optional<std::string>& text,
                                           const std::optional<std::string>& speaker)
{
    return m_records.correctSegment(sessionId, segmentId, text, speaker);
}

Result<std::size_t> ReviewService::nameSpeakers(const std::string& sessionId, const std::string& therapistLabel)
{
    return m_records.nameSpeakers(sessionId, therapistLabel);
}

Result<void> ReviewService::replaceSection(const std::string& sessionId, notes::Section section,
                                           const std::vector<notes::Statement>& statements)
{
    return m_records.replaceSection(sessionId, section, statements);
}

Result<void> ReviewService::reviewRisk(const std::string& sessionId, notes::RiskCategory category, bool confirm,
                                       const std::optional<std::string>& reason)
{
    return m_records.reviewRisk(sessionId, category, confirm, reason);
}

Result<void> ReviewService::assessRisk(const std::string& sessionId, notes::RiskCategory category,
                                       notes::RiskStatus status, const std::string& note)
{
    return m_records.assessRisk(sessionId, category, status, note);
}

Result<SignOutcome> ReviewService::sign(const std::string& sessionId, const crypto::SecretBytes* passphrase,
                                        bool unlabelledSpeakersReviewed)
{
    if (passphrase)
        if (auto confirmed = m_vault.confirmPassphrase(*passphrase); !confirmed) return confirmed.error();
    auto before = m_records.signingKeyFingerprint();
    if (!before) return before.error();
    auto note = m_records.sign(sessionId, unlabelledSpeakersReviewed);
    if (!note) return note.error();
    auto after = m_records.signingKeyFingerprint();
    if (!after) return after.error();
    return SignOutcome{std::move(note.value()), after.value().value_or(""), !before.value().has_value()};
}

Result<vault::StoredAddendum> ReviewService::addAddendum(const std::string& sessionId, const std::string& text)
{
    return m_records.addAddendum(sessionId, text);
}

Result<records::NoteVerification> ReviewService::verify(const std::string& sessionId)
{
    return m_records.verify(sessionId);
}

}  // namespace noteward::core::app
