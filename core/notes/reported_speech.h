#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace noteward::core::notes {

// Where someone else's words begin in a sentence the client speaks: "On Sunday she said to me,
// I want to die" → the offset of "I want to die". Reported speech keeps its speaker: it is
// never the client's own risk, and a restatement never rewrites its pronouns. npos if the
// sentence reports nobody's words (or only the client's own: "I said no").
std::size_t reportedSpeechStart(std::string_view sentence);

inline constexpr std::size_t kNoReportedSpeech = static_cast<std::size_t>(-1);

// Quoted passages in a turn that are someone else's words, as byte ranges [open quote, close
// quote]: "he said, "I am done. I don't want to wake up any more."" runs over sentences, which
// reportedSpeechStart, reading one sentence, cannot follow.
std::vector<std::pair<std::size_t, std::size_t>> othersQuotedSpans(std::string_view text);

// `text` with those passages (quote marks included) replaced by spaces, so byte offsets still
// match: what is left is the speaker's own words.
std::string withOthersQuotesBlanked(std::string_view text);

// Whether a word (lower case) names or points to someone other than the client: "mum",
// "mum's", "she", "his", "them".
bool namesSomeoneElse(std::string_view word);

}  // namespace noteward::core::notes
