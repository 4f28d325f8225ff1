#include "notes/note_vocabulary.h"

#include "util/enum_table.h"

namespace noteward::core::notes {

namespace {
constexpr EnumTable<Section, kSectionCount> kSectionKeys{{
    {Section::Agenda, "agenda"},
    {Section::WeekReview, "week_review"},
    {Section::HomeworkReview, "homework_review"},
    {Section::Activities, "activities"},
    {Section::RiskIssues, "risk_issues"},
    {Section::HomeworkGiven, "homework_given"},
    {Section::NextSteps, "next_steps"},
}};

constexpr EnumTable<RiskCategory, kRiskCategoryCount> kRiskKeys{{
    {RiskCategory::SuicidalIdeation, "suicidal_ideation"},
    {RiskCategory::SelfHarmThreats, "self_harm_threats"},
    {RiskCategory::NonCompliance, "non_compliance"},
    {RiskCategory::Avoidance, "avoidance"},
    {RiskCategory::Rumination, "rumination"},
    {RiskCategory::Hopelessness, "hopelessness"},
    {RiskCategory::AllianceRupture, "alliance_rupture"},
}};

}  // namespace

std::string_view toKey(Section section) { return nameOfEnum(kSectionKeys, section); }
std::optional<Section> sectionFromKey(std::string_view key) { return enumFromName(kSectionKeys, key); }
std::size_t indexOf(Section section) { return static_cast<std::size_t>(section); }
std::string_view toKey(RiskCategory category) { return nameOfEnum(kRiskKeys, category); }
std::optional<RiskCategory> riskCategoryFromKey(std::string_view key) { return enumFromName(kRiskKeys, key); }

std::string_view toKey(RiskStatus status) { return status == RiskStatus::Present ? "present" : "denied"; }

std::optional<RiskStatus> riskStatusFromKey(std::string_view key)
{
    if (key == "present") return RiskStatus::Present;
    if (key == "denied") return RiskStatus::Denied;
    return std::nullopt;
}

}  // namespace noteward::core::notes
