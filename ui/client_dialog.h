#pragma once

#include "model/client.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace noteward::ui {

// The fields of a new client. Validation is core's (model::validateClient); the dialog shows
// its message and keeps what was typed.
class ClientDialog : public QDialog {
    Q_OBJECT
public:
    explicit ClientDialog(QWidget* parent = nullptr);

    core::model::Client client() const;
    void showError(const QString& message);
    // While the vault saves: OK cannot be pressed twice.
    void setBusy(bool busy);

signals:
    // The therapist pressed OK; the owner saves and closes the dialog on success.
    void submitted();

private:
    QLineEdit* m_name;
    QLineEdit* m_dateOfBirth;
    QLineEdit* m_nhsNumber;
    QLineEdit* m_email;
    QLineEdit* m_phone;
    QLineEdit* m_address;
    QLabel* m_error;
};

}  // namespace noteward::ui
