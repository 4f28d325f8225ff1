#pragma once

#include <QString>

class QWidget;

namespace noteward::ui {

// Questions the app must ask a person (close while recording?), behind an interface so
// widget tests answer them without a modal loop.
class Prompter {
public:
    virtual ~Prompter() = default;
    virtual bool confirm(QWidget* parent, const QString& title, const QString& question) = 0;
};

// Asks with a message box.
class DialogPrompter : public Prompter {
public:
    bool confirm(QWidget* parent, const QString& title, const QString& question) override;
};

}  // namespace noteward::ui
