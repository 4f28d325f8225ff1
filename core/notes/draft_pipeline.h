#pragma once

#include <functional>

#include "notes/draft.h"
#include "notes/grounding_verifier.h"
#include "notes/note_engine.h"
#include "notes/transcript.h"

#include <vector>

namespace noteward::core::notes {

// Cuts a transcript into chunks of whole segments of about `wordBudget` words each.
std::vector<Chunk> chunkTranscript(const Transcript& transcript, std::size_t wordBudget = 1200);

// Transcript → stage 1 per chunk → stage 2 → verifier → draft. Stage-1 candidates that cite
// segments outside their own chunk are rejected before stage 2 sees them. With a previous
// signed note, its homework and next steps are offered as marked suggestions.
class DraftPipeline {
public:
    explicit DraftPipeline(NoteEngine& engine) : m_engine(engine) {}

    Result<Draft> run(const Transcript& transcript, const PreviousNote* previous = nullptr);

private:
    NoteEngine& m_engine;
};

// What the caller must know as the chain runs. `beforeEngine` runs before an engine sees the
// transcript; an error from it stops everything (so "audit before sending" can fail closed).
// `onFallback` runs when an engine was unavailable and the next one is tried.
struct DraftObserver {
    std::function<Result<void>(const NoteEngine&)> beforeEngine;
    std::function<void(const NoteEngine& failed, const Error& why, const NoteEngine& next)> onFallback;
};

// Tries each engine in turn, moving on only when one is unavailable (network, overload);
// a refusal or a bad transcript stops the chain. The draft names the engine that ran.
Result<Draft> draftWithFallback(const std::vector<NoteEngine*>& engines, const Transcript& transcript,
                                const PreviousNote* previous = nullptr, const DraftObserver& observer = {});

}  // namespace noteward::core::notes
