#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace noteward::core::notes {

// The fixed vocabulary of ../shared/DESIGN.md. The string forms are the JSON keys: never
// rename one.
enum class Section { Agenda, WeekReview, HomeworkReview, Activities, RiskIssues, HomeworkGiven, NextSteps };
inline constexpr std::size_t kSectionCount = 7;
inline constexpr std::array<Section, kSectionCount> kAllSections = {
    Section::Agenda,     Section::WeekReview,    Section::HomeworkReview, Section::Activities,
    Section::RiskIssues, Section::HomeworkGiven, Section::NextSteps};

enum class RiskCategory {
    SuicidalIdeation,
    SelfHarmThreats,
    NonCompliance,
    Avoidance,
    Rumination,
    Hopelessness,
    AllianceRupture
};
inline constexpr std::size_t kRiskCategoryCount = 7;
inline constexpr std::array<RiskCategory, kRiskCategoryCount> kAllRiskCategories = {
    RiskCategory::SuicidalIdeation, RiskCategory::SelfHarmThreats, RiskCategory::NonCompliance,
    RiskCategory::Avoidance,        RiskCategory::Rumination,      RiskCategory::Hopelessness,
    RiskCategory::AllianceRupture};

// Present: indicated now. Historical: only in the past ("when I was fifteen"), nothing
// current. Denied: asked about and denied, and nothing in the session says otherwise. A
// category with no flag is "not assessed"; nothing ever defaults to denied.
enum class RiskStatus { Present, Denied, Historical };

// What the transcript says of the parts of suicide and self-harm risk that a clinician
// weighs first. A "no" answers only the aspect it was asked about: denying a plan is not
// denying ideation.
enum class RiskAspect { Ideation, Intent, Plan, Means, Timeframe, Preparation, ProtectiveFactors };
inline constexpr std::size_t kRiskAspectCount = 7;
inline constexpr std::array<RiskAspect, kRiskAspectCount> kAllRiskAspects = {
    RiskAspect::Ideation, RiskAspect::Intent,      RiskAspect::Plan,
    RiskAspect::Means,    RiskAspect::Timeframe,   RiskAspect::Preparation,
    RiskAspect::ProtectiveFactors};

std::string_view toKey(Section section);
std::optional<Section> sectionFromKey(std::string_view key);
std::size_t indexOf(Section section);
std::string_view toKey(RiskCategory category);
std::optional<RiskCategory> riskCategoryFromKey(std::string_view key);
std::string_view toKey(RiskStatus status);
std::optional<RiskStatus> riskStatusFromKey(std::string_view key);
std::string_view toKey(RiskAspect aspect);
std::optional<RiskAspect> riskAspectFromKey(std::string_view key);

}  // namespace noteward::core::notes
