#pragma once

#include <QMainWindow>

#include <filesystem>
#include <memory>
#include <string>

class QAction;
class QLabel;
class QStackedWidget;

namespace noteward::ui {

class ClientPage;
class ClientsPage;
class IdleLock;
class Prompter;
class RecordingController;
class SessionWorkspace;
class UnlockPage;
class VaultWorker;

// The shell: one window whose screens are pages (unlock, clients, a client, a session
// workspace), so locking swaps a page instead of unwinding dialogs. It owns the vault thread
// and the recording, which outlive every page and the lock.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Screen { Unlock, Clients, Client, Session };

    // `create`: no vault exists in `vaultDir` yet; the first page creates one.
    MainWindow(std::filesystem::path vaultDir, bool create, QWidget* parent = nullptr);
    ~MainWindow() override;

    Screen currentScreen() const;
    VaultWorker& worker() const { return *m_worker; }
    RecordingController& recording() const { return *m_recording; }
    UnlockPage* unlockPage() const { return m_unlock; }
    ClientsPage* clientsPage() const { return m_clients; }
    ClientPage* clientPage() const { return m_client; }
    SessionWorkspace* workspace() const { return m_workspace; }
    IdleLock* idleLock() const { return m_idle; }
    void setPrompter(std::unique_ptr<Prompter> prompter);

    void lockVault();
    void showClients();
    void openClient(const std::string& clientId);
    void openSession(const std::string& sessionId);

signals:
    // Emitted first when locking: windows that show anything close themselves.
    void locking();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void unlocked();
    void chooseAutoLock();
    void enrolVoice();
    // The one place that decides which actions are enabled (screen, lock, recording).
    void updateActionState();
    void updateStatus();

    std::unique_ptr<VaultWorker> m_worker;
    RecordingController* m_recording;
    std::unique_ptr<Prompter> m_prompter;
    QStackedWidget* m_stack;
    UnlockPage* m_unlock;
    ClientsPage* m_clients;
    ClientPage* m_client;
    SessionWorkspace* m_workspace;
    IdleLock* m_idle;
    QAction* m_newClient;
    QAction* m_lock;
    QAction* m_enrolVoice = nullptr;
    QAction* m_autoLock;
    QAction* m_showClients;
    QLabel* m_status;
    QLabel* m_recordingStatus;
};

}  // namespace noteward::ui
