#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

struct Segment {
    std::string id;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string speaker;  // "therapist", "client", "unknown" (not yet told apart), or "speaker_1"/"speaker_2"
    std::string text;
};

// The transcript JSON of ../shared/DESIGN.md.
struct Transcript {
    std::string sessionId;
    std::string language = "en-GB";
    std::vector<Segment> segments;

    const Segment* find(std::string_view segmentId) const;
};

// Checks everything a person could get wrong in a transcript file and says what: not JSON,
// missing or mistyped fields, duplicate ids, end before start, invalid UTF-8.
// Speakers are checked on the way in: any letter case, "patient" and "clinician" as aliases,
// an empty label as "unknown"; anything else (a person's name) is refused.
Result<Transcript> parseTranscript(std::string_view json);
// The speaker label a transcript may hold for `label`, or nullopt if it is not one.
std::optional<std::string> speakerRole(std::string_view label);
nlohmann::json toJson(const Transcript& transcript);

}  // namespace noteward::core::notes
