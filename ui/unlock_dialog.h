#pragma once

#include "vault/vault.h"

#include <QDialog>

#include <filesystem>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace noteward::ui {

// Asks for the passphrase and opens the vault, or creates one on first run. Argon2id takes
// about half a second, so the work runs on a worker thread with a busy bar; the window stays
// responsive and a wrong passphrase is reported in place.
class UnlockDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Create };

    UnlockDialog(Mode mode, std::filesystem::path vaultDir, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    Mode mode() const { return m_mode; }
    // The opened vault after the dialog was accepted.
    std::unique_ptr<core::vault::Vault> takeVault() { return std::move(m_vault); }

private:
    void start();
    void finished(core::Result<std::unique_ptr<core::vault::Vault>> result);
    void setBusy(bool busy);

    Mode m_mode;
    std::filesystem::path m_dir;
    QLineEdit* m_passphrase;
    QLineEdit* m_confirm = nullptr;
    QLineEdit* m_therapist = nullptr;
    QLabel* m_error;
    QProgressBar* m_progress;
    QPushButton* m_go;
    std::unique_ptr<core::vault::Vault> m_vault;
};

}  // namespace noteward::ui
