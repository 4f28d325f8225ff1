#pragma once

#include "notes/draft.h"
#include "notes/note_engine.h"
#include "notes/transcript.h"

#include <optional>
#include <string>

namespace noteward::core::notes {

// A signed earlier note whose homework and next steps may be offered to this session.
struct PreviousNote {
    std::string hash;  // hex SHA-256 of the signed note
    std::vector<std::string> homeworkGiven;
    std::vector<std::string> nextSteps;
};

// Applied to every engine's output before anything reaches a therapist. A statement stays
// only if it cites at least one existing segment and its content is found there: its
// content words (most of them) and every name, number, date, substance, diagnosis and
// life event it mentions (all of them). A risk flag stays only in the fixed taxonomy, with a
// known status and evidence quotes that are exact substrings of the cited segments.
// Everything else moves to `rejected` with its reason; nothing is repaired.
class GroundingVerifier {
public:
    explicit GroundingVerifier(const Transcript& transcript, const PreviousNote* previous = nullptr)
        : m_transcript(transcript), m_previous(previous)
    {
    }

    Draft verify(const std::string& engine, const Extraction& synthesised) const;

    // Why `statement` is not supported by its sources, or nullopt when it is.
    std::optional<std::string> problemWith(const Statement& statement) const;
    std::optional<std::string> problemWith(const RiskFlag& flag) const;

private:
    void keepEveryDisclosure(Draft& draft) const;
    // True for a statement that gives the client words the transcript gives someone else
    // ("On Sunday she said to me, I want to die" restated as "they want to die").
    bool misattributesReportedSpeech(const Statement& statement) const;

    const Transcript& m_transcript;
    const PreviousNote* m_previous;
};

}  // namespace noteward::core::notes
