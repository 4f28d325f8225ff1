#include "notes/transcript.h"

#include <set>

namespace noteward::core::notes {

namespace {
constexpr std::size_t kMaxSegments = 100000;
constexpr std::size_t kMaxSegmentText = 20000;

Error bad(const std::string& what)
{
    return makeError(ErrorCode::InvalidInput, "The transcript is not valid: " + what + ".");
}
}  // namespace

const Segment* Transcript::find(std::string_view segmentId) const
{
    for (const auto& s : segments)
        if (s.id == segmentId) return &s;
    return nullptr;
}

Result<Transcript> parseTranscript(std::string_view json)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        return makeError(ErrorCode::InvalidInput,
                         "The transcript is not valid JSON (at byte " + std::to_string(e.byte) + ").");
    }
    if (!doc.is_object()) return bad("the top level must be an object");
    if (!doc.contains("segments") || !doc["segments"].is_array()) return bad("\"segments\" must be a list");
    if (doc["segments"].size() > kMaxSegments) return bad("it has too many segments");

    Transcript t;
    if (doc.contains("session_id")) {
        if (!doc["session_id"].is_string()) return bad("\"session_id\" must be a string");
        t.sessionId = doc["session_id"].get<std::string>();
    }
    if (doc.contains("language")) {
        if (!doc["language"].is_string()) return bad("\"language\" must be a string");
        t.language = doc["language"].get<std::string>();
    }
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& item : doc["segments"]) {
        ++index;
        const std::string where = "segment " + std::to_string(index);
        if (!item.is_object()) return bad(where + " must be an object");
        if (!item.contains("id") || !item["id"].is_string() || item["id"].get<std::string>().empty())
            return bad(where + " needs a non-empty string \"id\"");
        if (!item.contains("text") || !item["text"].is_string()) return bad(where + " needs a string \"text\"");
        Segment s;
        s.id = item["id"].get<std::string>();
        s.text = item["text"].get<std::string>();
        if (s.text.size() > kMaxSegmentText) return bad(where + " is too long");
        for (const char* key : {"start_ms", "end_ms"}) {
            if (item.contains(key) && !item[key].is_number_integer()) return bad(where + ": \"" + key + "\" must be a whole number");
        }
        s.startMs = item.value("start_ms", std::int64_t{0});
        s.endMs = item.value("end_ms", s.startMs);
        if (s.startMs < 0 || s.endMs < s.startMs) return bad(where + " ends before it starts");
        if (item.contains("speaker")) {
            if (!item["speaker"].is_string()) return bad(where + ": \"speaker\" must be a string");
            s.speaker = item["speaker"].get<std::string>();
        }
        if (!ids.insert(s.id).second) return bad("segment id \"" + s.id + "\" appears twice");
        t.segments.push_back(std::move(s));
    }
    return t;
}

nlohmann::json toJson(const Transcript& t)
{
    nlohmann::json segments = nlohmann::json::array();
    for (const auto& s : t.segments)
        segments.push_back(
            {{"id", s.id}, {"start_ms", s.startMs}, {"end_ms", s.endMs}, {"speaker", s.speaker}, {"text", s.text}});
    return {{"session_id", t.sessionId}, {"language", t.language}, {"segments", segments}};
}

}  // namespace noteward::core::notes
