#include "notes/note_vocabulary.h"

#include <utility>

namespace noteward::core::notes {

namespace {
constexpr std::array<std::pair<Section, std::string_view>, kSectionCount> kSectionKeys{{
    {Section::Agenda, "agenda"},
    {Section::WeekReview, "week_review"},
    {Section::HomeworkReview, "homework_review"},
    {Section::Activities, "activities"},
    {Section::RiskIssues, "risk_issues"},
    {Section::HomeworkGiven, "homework_given"},
    {Section::NextSteps, "next_steps"},
}};

constexpr std::array<std::pair<RiskCategory, std::string_view>, kRiskCategoryCount> kRiskKeys{{
    {RiskCategory::SuicidalIdeation, "suicidal_ideation"},
    {RiskCategory::SelfHarmThreats, "self_harm_threats"},
    {RiskCategory::NonCompliance, "non_compliance"},
    {RiskCategory::Avoidance, "avoidance"},
    {RiskCategory::Rumination, "rumination"},
    {RiskCategory::Hopelessness, "hopelessness"},
    {RiskCategory::AllianceRupture, "alliance_rupture"},
}};

template <typename E, std::size_t N>
std::optional<E> find(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view key)
{
    for (const auto& [value, name] : table)
        if (name == key) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, n] : table)
        if (v == value) return n;
    return {};
}
}  // namespace

std::string_view toKey(Section section) { return name(kSectionKeys, section); }
std::optional<Section> sectionFromKey(std::string_view key) { return find(kSectionKeys, key); }
std::size_t indexOf(Section section) { return static_cast<std::size_t>(section); }
std::string_view toKey(RiskCategory category) { return name(kRiskKeys, category); }
std::optional<RiskCategory> riskCategoryFromKey(std::string_view key) { return find(kRiskKeys, key); }

std::string_view toKey(RiskStatus status) { return status == RiskStatus::Present ? "present" : "denied"; }

std::optional<RiskStatus> riskStatusFromKey(std::string_view key)
{
    if (key == "present") return RiskStatus::Present;
    if (key == "denied") return RiskStatus::Denied;
    return std::nullopt;
}

}  // namespace noteward::core::notes
