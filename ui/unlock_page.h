#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace noteward::ui {

class MessageBanner;
class VaultWorker;

// The first screen and the lock screen: asks for the passphrase and opens the vault on the
// vault thread (Argon2id takes about half a second), or creates a vault on first run. A page
// of the main window, not a modal dialog, so locking never has to unwind an exec() loop.
class UnlockPage : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Create, Unlock, Locked };

    UnlockPage(VaultWorker& worker, QWidget* parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Shown on the lock screen while a recording goes on behind it.
    void setRecordingNotice(const QString& text);

signals:
    void unlocked();

private:
    void start();
    void setBusy(bool busy);

    VaultWorker& m_worker;
    Mode m_mode = Mode::Unlock;
    QLabel* m_title;
    QLabel* m_intro;
    QLabel* m_nameLabel;
    QLineEdit* m_therapist;
    QLineEdit* m_passphrase;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QLabel* m_recording;
    MessageBanner* m_error;
    QProgressBar* m_progress;
    QPushButton* m_go;
};

}  // namespace noteward::ui
