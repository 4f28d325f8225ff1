#pragma once

#include "notes/draft.h"
#include "notes/transcript.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// The risk section's statements and the restatements they are made of.

// A bare answer (up to `bare` words: "No.") with the short sentences that follow it in the
// same turn, verbatim.
std::string answerGoingOn(const Segment& seg, const std::string& quote, std::size_t bare = 3);
// A sentence of a segment restated: the client's in the third person, anyone else's as said.
std::string restate(const Segment& segment, std::string_view sentence);
// Each piece of a flag's evidence (its own and its aspects') restated once, a therapist's
// question together with its answer.
std::vector<Statement> riskStatements(const RiskFlag& flag, const Transcript& transcript);

}  // namespace noteward::core::notes
