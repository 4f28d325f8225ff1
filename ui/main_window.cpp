#include "main_window.h"

#include "client_dialog.h"
#include "client_table_model.h"
#include "qt_text.h"
#include "unlock_dialog.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace noteward::ui {

MainWindow::MainWindow(std::unique_ptr<core::vault::Vault> vault, QWidget* parent)
    : QMainWindow(parent),
      m_vault(std::move(vault)),
      m_model(new ClientTableModel(this)),
      m_search(new QLineEdit(this)),
      m_table(new QTableView(this))
{
    setWindowTitle(tr("Noteward"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/noteward.svg")));

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setMovable(false);
    auto* add = toolbar->addAction(tr("&New client…"), this, &MainWindow::addClient);
    add->setShortcut(QKeySequence::New);
    auto* lock = toolbar->addAction(tr("&Lock"), this, &MainWindow::lockVault);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    m_search->setPlaceholderText(tr("Search clients by name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search clients"));
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::refresh);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClientTableModel::Name, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
    setCentralWidget(central);
    resize(900, 560);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    if (!m_vault || m_vault->isLocked()) {
        m_model->setClients({});
        return;
    }
    const QString query = m_search->text().trimmed();
    auto clients = query.isEmpty() ? m_vault->clients().list() : m_vault->clients().searchByName(toStd(query));
    if (!clients) {
        showError(toQt(clients.error().message));
        return;
    }
    m_model->setClients(std::move(clients.value()));
    statusBar()->showMessage(tr("%n client(s) · vault %1 · %2", nullptr, m_model->rowCount())
                                 .arg(toQt(m_vault->directory().string()), toQt(m_vault->user().displayName)));
}

void MainWindow::addClient()
{
    if (!m_vault || m_vault->isLocked()) return;
    ClientDialog dialog(this);
    while (dialog.exec() == QDialog::Accepted) {
        auto added = m_vault->clients().add(dialog.client());
        if (added) {
            refresh();
            return;
        }
        dialog.showError(toQt(added.error().message));
    }
}

void MainWindow::lockVault()
{
    if (!m_vault) return;
    const auto dir = m_vault->directory();
    m_vault.reset();  // closes the database and wipes the key
    m_model->setClients({});
    statusBar()->showMessage(tr("Locked"));
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, dir, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_vault = dialog.takeVault();
        refresh();
    } else {
        close();
    }
}

void MainWindow::showError(const QString& message)
{
    QMessageBox::warning(this, tr("Noteward"), message);
}

}  // namespace noteward::ui
