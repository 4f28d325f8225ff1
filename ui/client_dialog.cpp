#include "client_dialog.h"

#include "qt_text.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace noteward::ui {

ClientDialog::ClientDialog(QWidget* parent)
    : QDialog(parent),
      m_name(new QLineEdit(this)),
      m_dateOfBirth(new QLineEdit(this)),
      m_nhsNumber(new QLineEdit(this)),
      m_email(new QLineEdit(this)),
      m_phone(new QLineEdit(this)),
      m_address(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("New client"));
    m_dateOfBirth->setPlaceholderText(tr("YYYY-MM-DD"));
    m_nhsNumber->setPlaceholderText(tr("e.g. 943 476 5919"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_error->setObjectName(QStringLiteral("clientError"));
    m_name->setObjectName(QStringLiteral("clientName"));
    m_dateOfBirth->setObjectName(QStringLiteral("clientDateOfBirth"));
    m_nhsNumber->setObjectName(QStringLiteral("clientNhsNumber"));
    m_email->setObjectName(QStringLiteral("clientEmail"));
    m_phone->setObjectName(QStringLiteral("clientPhone"));
    m_address->setObjectName(QStringLiteral("clientAddress"));
    m_name->setAccessibleName(tr("Name"));
    m_dateOfBirth->setAccessibleName(tr("Date of birth"));
    m_nhsNumber->setAccessibleName(tr("NHS number"));
    m_email->setAccessibleName(tr("E-mail"));
    m_phone->setAccessibleName(tr("Phone"));
    m_address->setAccessibleName(tr("Address"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Date of birth"), m_dateOfBirth);
    form->addRow(tr("NH&S number"), m_nhsNumber);
    form->addRow(tr("&E-mail"), m_email);
    form->addRow(tr("&Phone"), m_phone);
    form->addRow(tr("&Address"), m_address);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Saving happens on the vault thread: the dialog stays open until it succeeds, keeping
    // what was typed if the vault refuses it.
    connect(buttons, &QDialogButtonBox::accepted, this, &ClientDialog::submitted);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

core::model::Client ClientDialog::client() const
{
    core::model::Client c;
    c.name = toStd(m_name->text());
    c.dateOfBirth = toOptional(m_dateOfBirth->text());
    c.nhsNumber = toOptional(m_nhsNumber->text());
    c.contact = {toOptional(m_email->text()), toOptional(m_phone->text()), toOptional(m_address->text())};
    return c;
}

void ClientDialog::setBusy(bool busy)
{
    for (auto* b : findChildren<QPushButton*>()) b->setEnabled(!busy);
}

void ClientDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

}  // namespace noteward::ui
