#pragma once

#include "notes/note_vocabulary.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// How the local engine places a sentence: the cues a CBT session uses for each section, what a
// therapist's question or prompt asks about, and the shapes of work set and answers given.
// Each function says in its definition which sentences it takes, with examples.

// Work set for the week, and instructions.
bool opensWithWorkForTheWeek(const std::vector<std::string>& tokens);
bool isInstruction(std::string_view sentence);
bool setsWorkAhead(std::string_view sentence, const std::vector<std::string>& tokens);
// The section a sentence's own words point to; `early`: in the session's opening minutes;
// `settingByTherapist`: the therapist says it, and not as a question.
std::optional<Section> sectionOf(std::string_view sentence, bool early, bool settingByTherapist);

// Questions and prompts.
bool promptsAnAnswer(std::string_view sentence);
// A question, or a prompt that asks as one does.
bool asks(std::string_view sentence);
std::optional<Section> questionTopic(std::string_view question, bool early);
std::string homeworkTopic(std::string_view question, std::string_view answer);
std::optional<std::string> arrangementAsked(std::string_view question);
std::size_t feasibilityCheckAt(std::string_view question);
bool asksForWorkThisWeek(std::string_view question);
bool proposesWorkTogether(std::string_view sentence);
bool proposesAnItem(std::string_view sentence);
// Opening turns that set out the session without the word "agenda": "I thought today we could
// look at the schedule and then the formulation. How does that sound?"
bool proposesSessionWork(std::string_view sentence);
bool setsOutTheSession(std::string_view turn);

// Answers and talk that records nothing by itself.
bool isAMeasure(std::string_view sentence);
bool isChatter(std::string_view sentence);
// "So, for this week.": a heading with nothing under it.
bool isBareHeading(std::string_view sentence);
bool isListFraming(std::string_view sentence);
bool isAcknowledgement(std::string_view sentence);
// "Dunno." / "No, that's fine." / "Not really.": nothing to add to the agenda.
bool declinesToAdd(std::string_view sentence);

}  // namespace noteward::core::notes
