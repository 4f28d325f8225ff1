#pragma once

#include "notes/note_vocabulary.h"

#include <QString>

namespace noteward::ui {

// The fixed vocabulary as a person reads it (translated); keys stay as core spells them.
QString sectionTitle(core::notes::Section section);
QString riskTitle(core::notes::RiskCategory category);
QString riskStatusLabel(core::notes::RiskStatus status);
QString aspectLabel(core::notes::RiskAspect aspect);

}  // namespace noteward::ui
