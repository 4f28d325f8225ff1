#pragma once

#include "notes/note_vocabulary.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::notes {

// Where a statement comes from. Only transcript statements are checked by the verifier;
// the therapist's own text is theirs, and previous-note suggestions cite that note.
enum class Origin { Transcript, PreviousNote, Therapist };

struct Statement {
    std::string text;
    std::vector<std::string> sources;  // segment ids, or "note:<hash>" for a previous note
    Origin origin = Origin::Transcript;
    // Which of the on-device engine's rules wrote it (e.g. "homework_given.set"), so a
    // therapist can ask why a line is there; empty for hosted engines and the therapist's own.
    std::string rule{};
};

struct Evidence {
    std::string segment;
    std::string quote;  // an exact substring of that segment's text
    // What this piece supports when it is not simply the flag's status: in a conflicting flag
    // the denial is kept beside the disclosure, marked "denied".
    std::optional<RiskStatus> stance{};
};

// One aspect of suicide or self-harm risk (plan, means, …) as the transcript states it.
struct AspectFinding {
    RiskStatus status = RiskStatus::Present;
    std::vector<Evidence> evidence;
};

struct RiskFlag {
    RiskCategory category = RiskCategory::SuicidalIdeation;
    RiskStatus status = RiskStatus::Present;
    std::vector<Evidence> evidence;
    // A disclosure and a denial in the same session (either order): the status is present and
    // the clinician must resolve it at the risk gate.
    bool conflicting = false;
    std::map<RiskAspect, AspectFinding> aspects{};  // suicidal ideation and self-harm only
};

struct Rejection {
    std::string section;  // a section key, "risks", or what the engine wrote
    std::string text;
    std::string reason;
};

// The draft note of ../shared/DESIGN.md. A section is nullopt ("Not discussed") when nothing
// supports it; it is never filled with filler text.
struct Draft {
    std::string engine;
    std::array<std::optional<std::vector<Statement>>, kSectionCount> sections;
    std::vector<RiskFlag> risks;
    std::vector<Rejection> rejected;

    std::optional<std::vector<Statement>>& section(Section s) { return sections[indexOf(s)]; }
    const std::optional<std::vector<Statement>>& section(Section s) const { return sections[indexOf(s)]; }
    const RiskFlag* risk(RiskCategory category) const;
};

nlohmann::json toJson(const Draft& draft);
// Reads a draft back (as stored in the vault), refusing unknown sections and categories.
Result<Draft> draftFromJson(const nlohmann::json& json);

}  // namespace noteward::core::notes
