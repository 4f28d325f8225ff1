#include "vocabulary_labels.h"

#include <QCoreApplication>

namespace noteward::ui {

using namespace core::notes;

QString sectionTitle(Section section)
{
    switch (section) {
    case Section::Agenda: return QCoreApplication::translate("Vocabulary", "Agenda");
    case Section::WeekReview: return QCoreApplication::translate("Vocabulary", "Week review");
    case Section::HomeworkReview: return QCoreApplication::translate("Vocabulary", "Homework review");
    case Section::Activities: return QCoreApplication::translate("Vocabulary", "Activities");
    case Section::RiskIssues: return QCoreApplication::translate("Vocabulary", "Risk issues");
    case Section::HomeworkGiven: return QCoreApplication::translate("Vocabulary", "Homework given");
    case Section::NextSteps: return QCoreApplication::translate("Vocabulary", "Next steps");
    }
    return {};
}

QString riskTitle(RiskCategory category)
{
    switch (category) {
    case RiskCategory::SuicidalIdeation: return QCoreApplication::translate("Vocabulary", "Suicidal ideation");
    case RiskCategory::SelfHarmThreats: return QCoreApplication::translate("Vocabulary", "Self-harm threats");
    case RiskCategory::NonCompliance: return QCoreApplication::translate("Vocabulary", "Non-compliance");
    case RiskCategory::Avoidance: return QCoreApplication::translate("Vocabulary", "Avoidance");
    case RiskCategory::Rumination: return QCoreApplication::translate("Vocabulary", "Rumination");
    case RiskCategory::Hopelessness: return QCoreApplication::translate("Vocabulary", "Hopelessness");
    case RiskCategory::AllianceRupture: return QCoreApplication::translate("Vocabulary", "Alliance rupture");
    }
    return {};
}

QString riskStatusLabel(RiskStatus status)
{
    switch (status) {
    case RiskStatus::Present: return QCoreApplication::translate("Vocabulary", "Present");
    case RiskStatus::Denied: return QCoreApplication::translate("Vocabulary", "Denied");
    case RiskStatus::Historical: return QCoreApplication::translate("Vocabulary", "Historical");
    }
    return {};
}

QString aspectLabel(RiskAspect aspect)
{
    switch (aspect) {
    case RiskAspect::Ideation: return QCoreApplication::translate("Vocabulary", "Ideation");
    case RiskAspect::Intent: return QCoreApplication::translate("Vocabulary", "Intent");
    case RiskAspect::Plan: return QCoreApplication::translate("Vocabulary", "Plan");
    case RiskAspect::Means: return QCoreApplication::translate("Vocabulary", "Means");
    case RiskAspect::Timeframe: return QCoreApplication::translate("Vocabulary", "Timeframe");
    case RiskAspect::Preparation: return QCoreApplication::translate("Vocabulary", "Preparation");
    case RiskAspect::ProtectiveFactors: return QCoreApplication::translate("Vocabulary", "Protective factors");
    }
    return {};
}

}  // namespace noteward::ui
