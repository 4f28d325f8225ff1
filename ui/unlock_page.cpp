#include "unlock_page.h"

#include "message_banner.h"
#include "qt_text.h"
#include "vault_worker.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace noteward::ui {

using core::vault::Vault;

namespace {
core::crypto::SecretBytes takePassphrase(QLineEdit* field)
{
    std::string text = field->text().toStdString();
    field->clear();
    return core::crypto::SecretBytes::takeString(text);
}
}  // namespace

UnlockPage::UnlockPage(VaultWorker& worker, QWidget* parent)
    : QWidget(parent),
      m_worker(worker),
      m_title(new QLabel(this)),
      m_intro(new QLabel(this)),
      m_nameLabel(new QLabel(tr("Your &name"), this)),
      m_therapist(new QLineEdit(this)),
      m_passphrase(new QLineEdit(this)),
      m_confirmLabel(new QLabel(tr("&Repeat it"), this)),
      m_confirm(new QLineEdit(this)),
      m_recording(new QLabel(this)),
      m_error(new MessageBanner(this)),
      m_progress(new QProgressBar(this)),
      m_go(new QPushButton(this))
{
    setObjectName(QStringLiteral("unlockPage"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_title->setFont(big);
    m_intro->setWordWrap(true);
    m_therapist->setObjectName(QStringLiteral("therapistName"));
    m_therapist->setAccessibleName(tr("Your name"));
    m_nameLabel->setBuddy(m_therapist);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_confirm->setObjectName(QStringLiteral("confirmPassphrase"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setAccessibleName(tr("Repeat passphrase"));
    m_confirmLabel->setBuddy(m_confirm);
    m_recording->setObjectName(QStringLiteral("lockRecordingNotice"));
    m_recording->setWordWrap(true);
    m_recording->hide();
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Opening the vault"));
    m_progress->hide();
    m_go->setObjectName(QStringLiteral("unlockButton"));
    m_go->setDefault(true);
    m_go->setAutoDefault(true);
    connect(m_go, &QPushButton::clicked, this, &UnlockPage::start);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockPage::start);
    connect(m_confirm, &QLineEdit::returnPressed, this, &UnlockPage::start);

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_therapist);
    auto* passLabel = new QLabel(tr("&Passphrase"), this);
    passLabel->setBuddy(m_passphrase);
    form->addRow(passLabel, m_passphrase);
    form->addRow(m_confirmLabel, m_confirm);

    auto* box = new QWidget(this);
    box->setMinimumWidth(440);
    box->setMaximumWidth(520);
    auto* inner = new QVBoxLayout(box);
    inner->addWidget(m_title);
    inner->addWidget(m_intro);
    inner->addWidget(m_recording);
    inner->addLayout(form);
    inner->addWidget(m_error);
    inner->addWidget(m_progress);
    inner->addWidget(m_go, 0, Qt::AlignRight);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);
    setMode(Mode::Unlock);
}

void UnlockPage::setMode(Mode mode)
{
    m_mode = mode;
    const bool create = mode == Mode::Create;
    m_title->setText(create ? tr("Create your vault") : mode == Mode::Locked ? tr("Noteward is locked") : tr("Unlock Noteward"));
    m_intro->setText(create ? tr("Your notes are kept in an encrypted vault on this computer. Choose a passphrase of at "
                                 "least %1 characters; it cannot be recovered if lost.")
                                  .arg(Vault::kMinPassphraseLength)
                            : tr("Enter your passphrase to open the vault."));
    for (QWidget* w : {static_cast<QWidget*>(m_nameLabel), static_cast<QWidget*>(m_therapist),
                       static_cast<QWidget*>(m_confirmLabel), static_cast<QWidget*>(m_confirm)})
        w->setVisible(create);
    m_go->setText(create ? tr("&Create vault") : tr("&Unlock"));
    m_error->clearMessage();
    m_passphrase->clear();
    m_confirm->clear();
    setBusy(false);
    (create ? m_therapist : m_passphrase)->setFocus();
}

void UnlockPage::setRecordingNotice(const QString& text)
{
    m_recording->setText(text);
    m_recording->setVisible(!text.isEmpty());
}

void UnlockPage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    for (QWidget* w : {static_cast<QWidget*>(m_go), static_cast<QWidget*>(m_passphrase),
                       static_cast<QWidget*>(m_confirm), static_cast<QWidget*>(m_therapist)})
        w->setEnabled(!busy);
}

void UnlockPage::start()
{
    if (!m_go->isEnabled()) return;
    const bool create = m_mode == Mode::Create;
    if (create && m_confirm->text() != m_passphrase->text()) {
        m_error->showMessage(tr("The two passphrases differ."));
        return;
    }
    m_error->clearMessage();
    auto passphrase = takePassphrase(m_passphrase);
    m_confirm->clear();
    core::vault::VaultIdentity identity;
    if (create && !m_therapist->text().trimmed().isEmpty()) identity.therapistName = toStd(m_therapist->text().trimmed());
    setBusy(true);
    m_worker.open(passphrase, create, identity, this, [this](core::Result<void> result) {
        setBusy(false);
        if (!result) {
            m_error->showMessage(toQt(result.error().message));
            m_passphrase->setFocus();
            return;
        }
        emit unlocked();
    });
}

}  // namespace noteward::ui
