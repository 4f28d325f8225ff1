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

constexpr EnumTable<RiskStatus, 3> kStatusKeys{{
    {RiskStatus::Present, "present"},
    {RiskStatus::Denied, "denied"},
    {RiskStatus::Historical, "historical"},
}};

constexpr EnumTable<RiskAspect, kRiskAspectCount> kAspectKeys{{
    {RiskAspect::Ideation, "ideation"},
    {RiskAspect::Intent, "intent"},
    {RiskAspect::Plan, "plan"},
    {RiskAspect::Means, "means"},
    {RiskAspect::Timeframe, "timeframe"},
    {RiskAspect::Preparation, "preparation"},
    {RiskAspect::ProtectiveFactors, "protective_factors"},
}};

}  // namespace

std::string_view toKey(Section section) { return nameOfEnum(kSectionKeys, section); }
std::optional<Section> sectionFromKey(std::string_view key) { return enumFromName(kSectionKeys, key); }
std::size_t indexOf(Section section) { return static_cast<std::size_t>(section); }
std::string_view toKey(RiskCategory category) { return nameOfEnum(kRiskKeys, category); }
std::optional<RiskCategory> riskCategoryFromKey(std::string_view key) { return enumFromName(kRiskKeys, key); }

std::string_view toKey(RiskStatus status) { return nameOfEnum(kStatusKeys, status); }
std::optional<RiskStatus> riskStatusFromKey(std::string_view key) { return enumFromName(kStatusKeys, key); }
std::string_view toKey(RiskAspect aspect) { return nameOfEnum(kAspectKeys, aspect); }
std::optional<RiskAspect> riskAspectFromKey(std::string_view key) { return enumFromName(kAspectKeys, key); }

}  // namespace noteward::core::notes
