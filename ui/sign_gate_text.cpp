#include "sign_gate_text.h"

#include "vocabulary_labels.h"

#include <QCoreApplication>

namespace noteward::ui {

QStringList gateLines(const core::app::SessionRecord& record)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("SignGate", text); };
    if (record.signedNote) return {tr("The note is signed; add an addendum to correct it.")};
    if (!record.transcript) return {tr("There is no transcript yet: record and transcribe the session, or import one.")};
    if (!record.draft) return {tr("There is no draft yet: draft the note from the transcript.")};
    QStringList out;
    for (const auto& flag : record.draft->risks) {
        const auto* review = record.review(flag.category);
        if (!review || (review->decision != "confirmed" && review->decision != "dismissed"))
            out << tr("%1 has no decision: confirm it, or dismiss it with a reason.").arg(riskTitle(flag.category));
    }
    return out;
}

}  // namespace noteward::ui
