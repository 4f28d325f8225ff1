#include "message_banner.h"

#include <QAccessible>

namespace noteward::ui {

MessageBanner::MessageBanner(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(6);
    hide();
}

void MessageBanner::showMessage(const QString& text, Kind kind)
{
    m_kind = kind;
    // Tinted from the system palette's highlight family so light and dark themes both read;
    // only the left border carries the colour of the kind.
    const char* colour = kind == Kind::Error ? "#c62828" : kind == Kind::Warning ? "#ef6c00" : "#1565c0";
    setStyleSheet(QStringLiteral("QLabel { border-left: 4px solid %1; background: palette(alternate-base); }")
                      .arg(QLatin1String(colour)));
    const QString prefix = kind == Kind::Error ? tr("Error: ") : kind == Kind::Warning ? tr("Warning: ") : QString();
    setText(text);
    setAccessibleName(prefix + text);
    show();
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void MessageBanner::clearMessage()
{
    clear();
    hide();
}

}  // namespace noteward::ui
