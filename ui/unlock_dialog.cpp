#include "unlock_dialog.h"

#include "qt_text.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace noteward::ui {

using core::vault::Vault;
using VaultResult = core::Result<std::unique_ptr<Vault>>;

namespace {
core::crypto::SecretBytes takePassphrase(QLineEdit* field)
{
    std::string text = field->text().toStdString();
    field->clear();
    return core::crypto::SecretBytes::takeString(text);
}
}  // namespace

UnlockDialog::UnlockDialog(Mode mode, std::filesystem::path vaultDir, QWidget* parent)
    : QDialog(parent),
      m_mode(mode),
      m_dir(std::move(vaultDir)),
      m_passphrase(new QLineEdit(this)),
      m_error(new QLabel(this)),
      m_progress(new QProgressBar(this))
{
    const bool create = mode == Mode::Create;
    setWindowTitle(create ? tr("Create your Noteward vault") : tr("Unlock Noteward"));
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));

    auto* intro = new QLabel(create ? tr("Your notes are kept in an encrypted vault on this computer. Choose a "
                                         "passphrase of at least %1 characters; it cannot be recovered if lost.")
                                          .arg(Vault::kMinPassphraseLength)
                                    : tr("Enter your passphrase to open the vault."),
                             this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    if (create) {
        m_therapist = new QLineEdit(this);
        m_therapist->setObjectName(QStringLiteral("therapistName"));
        form->addRow(tr("Your &name"), m_therapist);
    }
    form->addRow(tr("&Passphrase"), m_passphrase);
    if (create) {
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("confirmPassphrase"));
        m_confirm->setEchoMode(QLineEdit::Password);
        m_confirm->setAccessibleName(tr("Repeat passphrase"));
        form->addRow(tr("&Repeat it"), m_confirm);
    }

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_go = buttons->addButton(create ? tr("&Create vault") : tr("&Unlock"), QDialogButtonBox::AcceptRole);
    m_go->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

UnlockDialog::~UnlockDialog() = default;

void UnlockDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_go->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
    if (m_confirm) m_confirm->setEnabled(!busy);
    if (m_therapist) m_therapist->setEnabled(!busy);
}

void UnlockDialog::start()
{
    if (m_confirm && m_confirm->text() != m_passphrase->text()) {
        m_error->setText(tr("The two passphrases differ."));
        m_error->show();
        return;
    }
    m_error->hide();
    auto passphrase = std::make_shared<core::crypto::SecretBytes>(takePassphrase(m_passphrase));
    if (m_confirm) m_confirm->clear();
    core::vault::VaultIdentity identity;
    if (m_therapist && !m_therapist->text().trimmed().isEmpty()) identity.therapistName = toStd(m_therapist->text().trimmed());
    setBusy(true);

    // The Result holds a move-only vault, so it travels in a shared_ptr through QFuture.
    auto* watcher = new QFutureWatcher<std::shared_ptr<VaultResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        auto result = watcher->result();
        watcher->deleteLater();
        finished(std::move(*result));
    });
    const bool create = m_mode == Mode::Create;
    watcher->setFuture(QtConcurrent::run([dir = m_dir, passphrase, identity, create] {
        return std::make_shared<VaultResult>(create ? Vault::create(dir, *passphrase, identity)
                                                    : Vault::open(dir, *passphrase));
    }));
}

void UnlockDialog::finished(VaultResult result)
{
    setBusy(false);
    if (!result) {
        m_error->setText(toQt(result.error().message));
        m_error->show();
        m_passphrase->setFocus();
        return;
    }
    m_vault = std::move(result.value());
    accept();
}

}  // namespace noteward::ui
