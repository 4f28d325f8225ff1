#pragma once

#include "notes/draft.h"
#include "notes/transcript.h"
#include "util/result.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

// A draft and what the person must be told about how it was made (a fallback engine, a
// transcript that could only be partly masked).
struct DraftOutcome {
    notes::Draft draft;
    std::vector<std::string> notices;
};

// Drafting as both front ends run it: the engine chain the vault is configured for (the
// engine asked for, then its fallback), masking fed with every identifier the vault holds
// for the session's people, the audit trail of anything that leaves the device, and the
// draft stored for review.
class NoteService {
public:
    explicit NoteService(vault::Vault& vault) : m_vault(vault) {}

    // Drafts the session's stored transcript and stores the draft.
    // `cancel`: set (a lock, a Cancel button) to abandon a hosted engine's requests at once;
    // nothing is stored then.
    Result<DraftOutcome> draftSession(const std::string& sessionId, const std::string& engine,
                                      std::shared_ptr<const std::atomic<bool>> cancel = {});
    // Drafts a transcript from a file with a hosted engine (the vault holds the key and the
    // audit log); nothing is stored.
    Result<DraftOutcome> draftTranscript(const notes::Transcript& transcript, const std::string& engine);

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::app
