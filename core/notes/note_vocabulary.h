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

// Present: discussed and indicated. Denied: asked about and denied. A category with no flag
// is "not assessed"; nothing ever defaults to denied.
enum class RiskStatus { Present, Denied };

std::string_view toKey(Section section);
std::optional<Section> sectionFromKey(std::string_view key);
std::size_t indexOf(Section section);
std::string_view toKey(RiskCategory category);
std::optional<RiskCategory> riskCategoryFromKey(std::string_view key);
std::string_view toKey(RiskStatus status);
std::optional<RiskStatus> riskStatusFromKey(std::string_view key);

}  // namespace noteward::core::notes
