#pragma once

#include "notes/draft.h"
#include "notes/note_engine.h"

#include <nlohmann/json.hpp>
#include "util/result.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace noteward::core::notes {

// Scores an engine on labelled transcripts: each file is a transcript with an "expected"
// object naming, per risk category, the status a clinician would record ("present",
// "historical", "denied" or "absent"), which categories are conflicting, the aspects of
// suicide risk, and phrases that must never appear in the note (e.g. someone else's words
// restated as the client's). Categories a file does not label are not scored.
struct CategoryCounts {
    int expectedPresent = 0;
    int foundPresent = 0;    // expected present and drafted present
    int draftedPresent = 0;  // drafted present where the file labels the category
    int correctPresent = 0;  // … and expected present
};

// Sections: a labelled section is either null (nothing belongs there: the note must leave it
// empty) or a list of key phrases that must appear in that section of the note.
struct SectionCounts {
    int phrasesExpected = 0;
    int phrasesFound = 0;
    int expectedEmpty = 0;
    int filledWhenEmpty = 0;
};

struct FixtureSetScore {
    int files = 0;
    int labels = 0;           // category labels checked
    int labelsCorrect = 0;    // drafted exactly as labelled
    int dangerousDenials = 0; // labelled present or historical, drafted denied
    int dangerousOmissions = 0;  // suicide or self-harm labelled present, drafted not assessed
    int fabricated = 0;       // forbidden phrases found in the note
    int conflictingExpected = 0;
    int conflictingFound = 0;
    int aspectsExpected = 0;
    int aspectsCorrect = 0;
    std::map<RiskCategory, CategoryCounts> perCategory;
    std::map<Section, SectionCounts> perSection;
    std::vector<std::string> misses;  // "file: what went wrong", for the person reading the figures

    double recall() const;
    double precision() const;
    double sectionRecall() const;  // key phrases found in their own section
    int sectionsFilledWhenEmpty() const;
};

// Scores one draft against a file's "expected" object into `score` (named `name` in misses).
Result<void> scoreLabelledDraft(const std::string& name, const nlohmann::json& expected, const Draft& draft,
                                FixtureSetScore& score);

// Every *.json in `dir` (not its subfolders), drafted with `engine`.
Result<FixtureSetScore> scoreRiskFixtures(const std::filesystem::path& dir, NoteEngine& engine);

}  // namespace noteward::core::notes
