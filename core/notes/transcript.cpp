#include "notes/transcript.h"

#include "util/text.h"

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
        s.speaker = "unknown";
        if (item.contains("speaker")) {
            if (!item["speaker"].is_string()) return bad(where + ": \"speaker\" must be a string");
            const auto speaker = speakerRole(item["speaker"].get<std::string>());
            if (!speaker)
                return bad(where + ": the speaker \"" + item["speaker"].get<std::string>() +
                           "\" is not one of therapist, client or unknown (a name is not a speaker label)");
            s.speaker = *speaker;
        }
        if (!ids.insert(s.id).second) return bad("segment id \"" + s.id + "\" appears twice");
        t.segments.push_back(std::move(s));
    }
    return t;
}

std::optional<std::string> speakerRole(std::string_view label)
{
    std::string folded = foldCase(label);
    const auto b = folded.find_first_not_of(" \t");
    const auto e = folded.find_last_not_of(" \t");
    folded = b == std::string::npos ? std::string() : folded.substr(b, e - b + 1);
    if (folded == "therapist" || folded == "clinician" || folded == "counsellor") return std::string("therapist");
    if (folded == "client" || folded == "patient") return std::string("client");
    if (folded.empty() || folded == "unknown") return std::string("unknown");
    if (folded == "speaker_1" || folded == "speaker_2") return folded;
    return std::nullopt;
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
