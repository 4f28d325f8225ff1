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

Result<Draft> draftFromJson(const nlohmann::json& json)
{
    auto bad = [](const std::string& what) { return makeError(ErrorCode::Corrupt, "The stored draft is damaged: " + what + "."); };
    try {
        Draft d;
        d.engine = json.at("engine").get<std::string>();
        const auto& sections = json.at("sections");
        for (const auto& [key, list] : sections.items()) {
            const auto section = sectionFromKey(key);
            if (!section) return bad("unknown section " + key);
            if (list.is_null()) continue;
            std::vector<Statement> statements;
            for (const auto& item : list) {
                Statement st;
                st.text = item.at("text").get<std::string>();
                st.sources = item.at("sources").get<std::vector<std::string>>();
                const std::string origin = item.value("origin", std::string("transcript"));
                st.origin = origin == "therapist"       ? Origin::Therapist
                            : origin == "previous_note" ? Origin::PreviousNote
                                                        : Origin::Transcript;
                if (item.contains("rule")) st.rule = item.at("rule").get<std::string>();
                statements.push_back(std::move(st));
            }
            d.section(*section) = std::move(statements);
        }
        for (const auto& item : json.at("risks")) {
            const auto category = riskCategoryFromKey(item.at("category").get<std::string>());
            const auto status = riskStatusFromKey(item.at("status").get<std::string>());
            if (!category || !status) return bad("unknown risk category or status");
            RiskFlag flag{*category, *status, {}};
            auto evidenceList = [&](const nlohmann::json& list) -> std::optional<std::vector<Evidence>> {
                std::vector<Evidence> out;
                for (const auto& e : list) {
                    Evidence ev{e.at("segment").get<std::string>(), e.at("quote").get<std::string>(), std::nullopt};
                    if (e.contains("stance")) {
                        ev.stance = riskStatusFromKey(e.at("stance").get<std::string>());
                        if (!ev.stance) return std::nullopt;
                    }
                    out.push_back(std::move(ev));
                }
                return out;
            };
            auto evidence = evidenceList(item.at("evidence"));
            if (!evidence) return bad("unknown evidence stance");
            flag.evidence = std::move(*evidence);
            flag.conflicting = item.value("conflicting", false);
            const nlohmann::json aspects = item.value("aspects", nlohmann::json::object());
            for (const auto& [key, finding] : aspects.items()) {
                const auto aspect = riskAspectFromKey(key);
                const auto aspectStatus = riskStatusFromKey(finding.at("status").get<std::string>());
                auto aspectEvidence = evidenceList(finding.value("evidence", nlohmann::json::array()));
                if (!aspect || !aspectStatus || !aspectEvidence) return bad("unknown risk aspect or status");
                flag.aspects[*aspect] = {*aspectStatus, std::move(*aspectEvidence)};
            }
            d.risks.push_back(std::move(flag));
        }
        for (const auto& item : json.value("rejected", nlohmann::json::array()))
            d.rejected.push_back({item.at("section").get<std::string>(), item.at("text").get<std::string>(),
                                  item.at("reason").get<std::string>()});
        return d;
    } catch (const nlohmann::json::exception& e) {
        return bad(e.what());
    }
}

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
            if (!st.rule.empty()) item["rule"] = st.rule;
            list.push_back(std::move(item));
        }
        sections[std::string(toKey(s))] = std::move(list);
    }
    nlohmann::json risks = nlohmann::json::array();
    auto evidenceJson = [](const std::vector<Evidence>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : list) {
            nlohmann::json item = {{"segment", e.segment}, {"quote", e.quote}};
            if (e.stance) item["stance"] = toKey(*e.stance);
            out.push_back(std::move(item));
        }
        return out;
    };
    for (const auto& r : draft.risks) {
        nlohmann::json flag = {{"category", toKey(r.category)},
                               {"status", toKey(r.status)},
                               {"conflicting", r.conflicting},
                               {"evidence", evidenceJson(r.evidence)}};
        if (!r.aspects.empty()) {
            nlohmann::json aspects = nlohmann::json::object();
            for (const auto& [aspect, finding] : r.aspects)
                aspects[std::string(toKey(aspect))] = {{"status", toKey(finding.status)},
                                                       {"evidence", evidenceJson(finding.evidence)}};
            flag["aspects"] = std::move(aspects);
        }
        risks.push_back(std::move(flag));
    }
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& r : draft.rejected)
        rejected.push_back({{"section", r.section}, {"text", r.text}, {"reason", r.reason}});
    return {{"engine", draft.engine}, {"sections", sections}, {"risks", risks}, {"rejected", rejected}};
}

}  // namespace noteward::core::notes
