#include "app/note_service.h"

#include "records/engine_configuration.h"
#include "records/note_records.h"
#include "vault/vault.h"

namespace noteward::core::app {

Result<DraftOutcome> NoteService::draftSession(const std::string& sessionId, const std::string& engine,
                                               std::shared_ptr<const std::atomic<bool>> cancel)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    auto known = records::knownIdentifiers(m_vault, session->clientId);
    if (!known) return known.error();
    auto chain = records::EngineChain::build(&m_vault, engine, known.value(), std::move(cancel));
    if (!chain) return chain.error();
    DraftOutcome outcome;
    auto draft = records::NoteRecords(m_vault).draftSession(sessionId, chain->engines(), &outcome.notices);
    if (!draft) return draft.error();
    outcome.draft = std::move(draft.value());
    return outcome;
}

Result<DraftOutcome> NoteService::draftTranscript(const notes::Transcript& transcript, const std::string& engine)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto known = records::knownIdentifiers(m_vault, std::nullopt);
    if (!known) return known.error();
    auto chain = records::EngineChain::build(&m_vault, engine, known.value());
    if (!chain) return chain.error();
    DraftOutcome outcome;
    auto draft = records::draftAudited(m_vault, chain->engines(), transcript, nullptr, "transcript",
                                       transcript.sessionId.empty() ? "file" : transcript.sessionId, &outcome.notices);
    if (!draft) return draft.error();
    outcome.draft = std::move(draft.value());
    return outcome;
}

}  // namespace noteward::core::app
