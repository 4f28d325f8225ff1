#pragma once

#include "app/session_record.h"

#include <QStringList>

namespace noteward::ui {

// The sign gate as the therapist reads it: one translated sentence for each reason that
// core::app::signBlockers gives (the same reasons, in the same order, in plain words).
QStringList gateLines(const core::app::SessionRecord& record);

}  // namespace noteward::ui
