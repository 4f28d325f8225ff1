#include "prompter.h"

#include <QMessageBox>

namespace noteward::ui {

bool DialogPrompter::confirm(QWidget* parent, const QString& title, const QString& question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

}  // namespace noteward::ui
