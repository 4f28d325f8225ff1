#pragma once

#include <QLabel>

namespace noteward::ui {

// An inline message above a form or pane (KeePassXC's MessageWidget shape): errors and
// notices stay where the person is looking, with no modal box to dismiss, and a screen
// reader hears them (the text is the accessible description too).
class MessageBanner : public QLabel {
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Information };
    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Error);
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Error;
};

}  // namespace noteward::ui
