#pragma once

#include "model/client.h"
#include "model/session.h"
#include "notes/draft.h"
#include "notes/transcript.h"
#include "vault/note_store.h"

#include <optional>
#include <string>
#include <vector>

namespace noteward::core::app {

// Everything the session workspace shows, read in one go from the vault (on a worker
// thread), so a front end never goes back to the database while painting.
struct SessionRecord {
    model::Session session;
    model::Client client;
    double recordingSeconds = 0;                     // 0: nothing recorded yet
    std::optional<notes::Transcript> transcript;     // the working copy (corrections applied)
    std::optional<notes::Transcript> machineTranscript;
    std::optional<notes::Draft> draft;
    std::vector<vault::RiskReview> reviews;
    std::optional<vault::StoredNote> signedNote;
    std::vector<vault::StoredAddendum> addenda;

    const vault::RiskReview* review(notes::RiskCategory category) const;
    // Segments the risk detector could not read: no therapist/client speaker.
    std::size_t unlabelledSegments() const;
};

// Why signing is not possible yet, each reason as a sentence for the person (empty: it is).
// The one place both front ends ask; unlabelled speakers are not here, since they can be
// signed over with an audited confirmation (see needsSpeakerConfirmation).
std::vector<std::string> signBlockers(const SessionRecord& record);
bool needsSpeakerConfirmation(const SessionRecord& record);

}  // namespace noteward::core::app
