#include "notes/draft.h"

namespace noteward::core::notes {

namespace {
std::string_view toKey(Origin origin)
{
    switch (origin) {
    case Origin::PreviousNote: return "previous_note";
    case Origin::Therapist: return "therapist";
    case Origin::Transcript: break;
    }
    return "transcript";
}
}  // namespace

const RiskFlag* Draft::risk(RiskCategory category) const
{
    for (const auto& r : risks)
        if (r.category == category) return &r;
    return nullptr;
}

nlohmann::json toJson(const Draft& draft)
{
    nlohmann::json sections = nlohmann::json::object();
    for (Section s : kAllSections) {
        const auto& statements = draft.section(s);
        if (!statements) {
            sections[std::string(toKey(s))] = nullptr;
            continue;
        }
        nlohmann::json list = nlohmann::json::array();
        for (const auto& st : *statements) {
            nlohmann::json item = {{"text", st.text}, {"sources", st.sources}};
            // Transcript statements keep the design's two keys; anything else says what it is.
            if (st.origin != Origin::Transcript) item["origin"] = toKey(st.origin);
            if (st.origin == Origin::PreviousNote) item["suggestion"] = true;
            list.push_back(std::move(item));
        }
        sections[std::string(toKey(s))] = std::move(list);
    }
    nlohmann::json risks = nlohmann::json::array();
    for (const auto& r : draft.risks) {
        nlohmann::json evidence = nlohmann::json::array();
        for (const auto& e : r.evidence) evidence.push_back({{"segment", e.segment}, {"quote", e.quote}});
        risks.push_back({{"category", toKey(r.category)}, {"status", toKey(r.status)}, {"evidence", evidence}});
    }
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& r : draft.rejected)
        rejected.push_back({{"section", r.section}, {"text", r.text}, {"reason", r.reason}});
    return {{"engine", draft.engine}, {"sections", sections}, {"risks", risks}, {"rejected", rejected}};
}

}  // namespace noteward::core::notes
