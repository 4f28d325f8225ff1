#pragma once

#include "notes/note_vocabulary.h"

#include <string>
#include <vector>

namespace noteward::core::notes {

using Phrase = std::vector<std::string>;

// A family of phrases that say one thing about one category (and, for suicide and self-harm,
// one aspect): what a client says, or what a therapist asks. Written from UK clinical speech,
// euphemisms included; matched on lower-case word tokens.
struct CueFamily {
    RiskCategory category;
    RiskAspect aspect;  // Ideation stands for "the category itself" outside suicide and self-harm
    std::vector<Phrase> phrases;
};

// What a client says when the category (aspect) is present for them.
const std::vector<CueFamily>& clientCues();

// What a therapist asks about. `yesMeansPresent` is false for questions about the healthy
// behaviour ("did you manage the homework?"), where "no" is the disclosure.
struct QuestionFamily {
    RiskCategory category;
    RiskAspect aspect;
    bool yesMeansPresent;
    std::vector<Phrase> phrases;
};
const std::vector<QuestionFamily>& questionCues();

// Openers of an answer that deny or affirm what was asked.
const std::vector<Phrase>& denialOpeners();
const std::vector<Phrase>& affirmationOpeners();
// "Once.", "A few times.", "Twice last week": a count answers yes, but only when the sentence
// goes on as a count (a word of afterACount(), or nothing); "Once I'm home…" and "A few
// people at work…" answer nothing.
const std::vector<Phrase>& countOpeners();
const std::vector<std::string>& afterACount();
// Answers that name nothing ("Nothing.", "Nobody."): to "what stops you?" a denial.
const std::vector<Phrase>& emptyAnswers();
// Answers that are no answer ("Not sure.", "Dunno.").
const std::vector<Phrase>& nonAnswers();

// Words that put a clause in the past as history, not now ("when I was fifteen", "years ago").
const std::vector<Phrase>& historyMarkers();
// A history marker, or a past year ("in 2015", "the winter of 1989"), and nothing recent or
// still going on (recentOrOngoing).
bool speaksOfThePast(const std::vector<std::string>& tokens);
// "yesterday", "last night", "on Sunday", "hasn't let up", "ever since": not over.
bool recentOrOngoing(const std::vector<std::string>& tokens);
// Words that make a clause a hypothetical ("if I ever…", "what if"); a bare "if" is not one,
// since a conditional threat is a threat.
const std::vector<Phrase>& hypotheticalMarkers();
// Words that make a hopeless-sounding clause about the therapy instead (alliance rupture).
const std::vector<Phrase>& therapyWords();
// A therapist asking for a step of a safety plan ("give the tablets to your sister"): the
// time in the client's reply ("I can do that tonight") is when they will take the step, not
// a time they have set to act on suicidal thoughts.
const std::vector<Phrase>& safetyStepRequests();

}  // namespace noteward::core::notes
