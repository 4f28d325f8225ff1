#include "main_window.h"

#include "client_page.h"
#include "clients_page.h"
#include "idle_lock.h"
#include "prompter.h"
#include "qt_text.h"
#include "recording_controller.h"
#include "session_workspace.h"
#include "unlock_page.h"
#include "vault_worker.h"
#include "voice_enroll_dialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace noteward::ui {

namespace {
constexpr const char* kAutoLockSetting = "ui.auto_lock_minutes";
}

MainWindow::MainWindow(std::filesystem::path vaultDir, bool create, QWidget* parent)
    : QMainWindow(parent),
      m_worker(std::make_unique<VaultWorker>(vaultDir)),
      m_recording(new RecordingController(*m_worker, this)),
      m_prompter(std::make_unique<DialogPrompter>()),
      m_stack(new QStackedWidget(this)),
      m_unlock(new UnlockPage(*m_worker, m_stack)),
      m_clients(new ClientsPage(*m_worker, m_stack)),
      m_client(new ClientPage(*m_worker, m_stack)),
      m_workspace(new SessionWorkspace(*m_worker, *m_recording, m_stack)),
      m_idle(new IdleLock(this)),
      m_status(new QLabel(this)),
      m_recordingStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Noteward"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/noteward.svg")));
    for (QWidget* page : {static_cast<QWidget*>(m_unlock), static_cast<QWidget*>(m_clients),
                          static_cast<QWidget*>(m_client), static_cast<QWidget*>(m_workspace)})
        m_stack->addWidget(page);
    setCentralWidget(m_stack);
    m_unlock->setMode(create ? UnlockPage::Mode::Create : UnlockPage::Mode::Unlock);
    m_workspace->setPrompter(m_prompter.get());

    auto* file = menuBar()->addMenu(tr("&File"));
    m_newClient = file->addAction(tr("&New client…"), this, [this] {
        showClients();
        m_clients->addClient();
    });
    m_newClient->setShortcut(QKeySequence::New);
    m_showClients = file->addAction(tr("&Clients"), this, &MainWindow::showClients);
    m_showClients->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_autoLock = file->addAction(tr("&Auto-lock after…"), this, &MainWindow::chooseAutoLock);
    m_enrolVoice = file->addAction(tr("Enrol my &voice…"), this, &MainWindow::enrolVoice);
    file->addSeparator();
    m_lock = file->addAction(tr("&Lock"), this, &MainWindow::lockVault);
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lock->setShortcutContext(Qt::ApplicationShortcut);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_status->setObjectName(QStringLiteral("statusText"));
    m_recordingStatus->setObjectName(QStringLiteral("recordingStatus"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_recordingStatus);

    connect(m_unlock, &UnlockPage::unlocked, this, &MainWindow::unlocked);
    connect(m_clients, &ClientsPage::clientOpened, this, &MainWindow::openClient);
    connect(m_clients, &ClientsPage::listed, this, &MainWindow::updateStatus);
    connect(m_client, &ClientPage::sessionOpened, this, &MainWindow::openSession);
    connect(m_client, &ClientPage::back, this, &MainWindow::showClients);
    connect(m_workspace, &SessionWorkspace::back, this, &MainWindow::openClient);
    connect(m_idle, &IdleLock::idle, this, &MainWindow::lockVault);
    connect(m_recording, &RecordingController::started, this, &MainWindow::updateStatus);
    connect(m_recording, &RecordingController::finished, this, &MainWindow::updateStatus);
    connect(m_recording, &RecordingController::stalledChanged, this, &MainWindow::updateStatus);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateActionState);
    resize(1280, 800);
    updateActionState();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The recording stops (keeping what it captured) before the vault thread goes away.
    delete m_recording;
    m_recording = nullptr;
}

void MainWindow::setPrompter(std::unique_ptr<Prompter> prompter)
{
    m_prompter = std::move(prompter);
    m_workspace->setPrompter(m_prompter.get());
}

MainWindow::Screen MainWindow::currentScreen() const
{
    QWidget* page = m_stack->currentWidget();
    if (page == m_clients) return Screen::Clients;
    if (page == m_client) return Screen::Client;
    if (page == m_workspace) return Screen::Session;
    return Screen::Unlock;
}

void MainWindow::unlocked()
{
    // The idle interval is the therapist's setting (minutes); read on the vault thread.
    m_worker->run<int>(
        this,
        [](core::vault::Vault& vault) -> core::Result<int> {
            auto value = vault.settings().get(kAutoLockSetting);
            if (!value || !value.value()) return IdleLock::kDefaultMinutes;
            try {
                const int minutes = std::stoi(*value.value());
                return minutes >= 1 && minutes <= 240 ? minutes : IdleLock::kDefaultMinutes;
            } catch (const std::exception&) {
                return IdleLock::kDefaultMinutes;
            }
        },
        [this](core::Result<int> minutes) {
            if (minutes) m_idle->setInterval(minutes.value() * 60 * 1000);
        });
    m_idle->setActive(true);
    // Back where the therapist was if a recording went on behind the lock.
    if (m_recording->isActive()) openSession(m_recording->sessionId());
    else showClients();
    updateStatus();
}

void MainWindow::chooseAutoLock()
{
    // open(), not exec(): window-modal but without a nested event loop, so the idle timer still
    // runs and a lock (which rejects the dialog) can happen while it is shown.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("autoLockDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Auto-lock"));
    dialog->setLabelText(tr("Lock Noteward after this many minutes without use:"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, 240);
    dialog->setIntValue(std::max(1, m_idle->interval() / 60000));
    connect(this, &MainWindow::locking, dialog, &QDialog::reject);
    connect(dialog, &QInputDialog::intValueSelected, this, [this](int minutes) {
        m_idle->setInterval(minutes * 60 * 1000);
        m_worker->run<int>(
            this,
            [minutes](core::vault::Vault& vault) -> core::Result<int> {
                if (auto saved = vault.settings().set(kAutoLockSetting, std::to_string(minutes)); !saved) return saved.error();
                return minutes;
            },
            [this](core::Result<int> saved) {
                if (!saved) m_status->setText(toQt(saved.error().message));
            });
    });
    dialog->open();
}

void MainWindow::enrolVoice()
{
    // open(), like every dialog here: window-modal without a nested event loop, and closed
    // (its reading cancelled) by a lock.
    auto* dialog = new VoiceEnrollDialog(*m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &MainWindow::locking, dialog, &QDialog::reject);
    dialog->open();
}

void MainWindow::lockVault()
{
    if (!m_worker->isOpen()) return;
    m_idle->setActive(false);
    emit locking();
    // Text still in an editor is saved first: the save is queued before the lock.
    m_workspace->commitPendingEdits();
    m_worker->lock();
    m_clients->clear();
    m_client->clear();
    m_workspace->clear();
    m_unlock->setMode(UnlockPage::Mode::Locked);
    m_stack->setCurrentWidget(m_unlock);
    updateStatus();
}

void MainWindow::showClients()
{
    if (!m_worker->isOpen()) return;
    m_stack->setCurrentWidget(m_clients);
    m_clients->refresh();
}

void MainWindow::openClient(const std::string& clientId)
{
    if (!m_worker->isOpen()) return;
    m_client->showClient(clientId);
    m_stack->setCurrentWidget(m_client);
}

void MainWindow::openSession(const std::string& sessionId)
{
    if (!m_worker->isOpen()) return;
    m_workspace->open(sessionId);
    m_stack->setCurrentWidget(m_workspace);
}

void MainWindow::updateActionState()
{
    const bool open = m_worker->isOpen();
    m_newClient->setEnabled(open);
    m_autoLock->setEnabled(open);
    m_enrolVoice->setEnabled(open);
    m_showClients->setEnabled(open && currentScreen() != Screen::Clients);
    m_lock->setEnabled(open);
}

void MainWindow::updateStatus()
{
    updateActionState();
    const bool open = m_worker->isOpen();
    m_status->setText(open ? tr("%1 · vault %2").arg(m_worker->therapistName(), toQt(m_worker->directory().string()))
                           : tr("Locked"));
    m_recordingStatus->setText(m_recording->isActive() ? tr("● Recording") : QString());
    QString notice;
    if (!open && m_recording->isActive())
        notice = m_recording->isStalled()
                     ? tr("A recording is in progress, but the microphone has stopped delivering audio. What was "
                          "recorded so far is saved.")
                     : tr("A recording is in progress and continues while Noteward is locked.");
    else if (!open && !m_recording->lastProblem().isEmpty())
        notice = tr("The recording stopped early: %1 What was recorded is saved.").arg(m_recording->lastProblem());
    m_unlock->setRecordingNotice(notice);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_recording->isActive() &&
        !m_prompter->confirm(this, tr("Recording in progress"),
                             tr("A session is being recorded. Stop the recording and quit? What was recorded is kept."))) {
        event->ignore();
        return;
    }
    m_workspace->commitPendingEdits();  // queued before the vault thread's last job
    event->accept();
}

}  // namespace noteward::ui
