#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

struct Segment {
    std::string id;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string speaker;  // "therapist", "client", or another label the transcriber gave
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
Result<Transcript> parseTranscript(std::string_view json);
nlohmann::json toJson(const Transcript& transcript);

}  // namespace noteward::core::notes
