#include "clients_page.h"

#include "app/client_service.h"
#include "client_dialog.h"
#include "client_table_model.h"
#include "message_banner.h"
#include "qt_text.h"
#include "vault_worker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace noteward::ui {

using core::Result;
using core::model::Client;

ClientsPage::ClientsPage(VaultWorker& worker, QWidget* parent)
    : QWidget(parent),
      m_worker(worker),
      m_model(new ClientTableModel(this)),
      m_search(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_add(new QPushButton(tr("&New client…"), this)),
      m_open(new QPushButton(tr("&Open"), this)),
      m_error(new MessageBanner(this)),
      m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("clientsPage"));
    m_search->setObjectName(QStringLiteral("clientSearch"));
    m_search->setPlaceholderText(tr("Search clients by name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search clients"));
    auto* searchLabel = new QLabel(tr("&Search"), this);
    searchLabel->setBuddy(m_search);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &ClientsPage::refresh);

    m_table->setObjectName(QStringLiteral("clientTable"));
    m_table->setAccessibleName(tr("Clients"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClientTableModel::Name, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableView::activated, this, &ClientsPage::openSelected);

    m_add->setObjectName(QStringLiteral("newClientButton"));
    // Ctrl+N belongs to the File menu's action, which opens this same dialog from any screen.
    m_add->setToolTip(tr("New client (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_add, &QPushButton::clicked, this, &ClientsPage::addClient);
    m_open->setObjectName(QStringLiteral("openClientButton"));
    connect(m_open, &QPushButton::clicked, this, &ClientsPage::openSelected);

    m_error->setObjectName(QStringLiteral("clientsError"));
    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addWidget(m_add);
    top->addWidget(m_open);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    setTabOrder(m_search, m_add);
    setTabOrder(m_add, m_open);
    setTabOrder(m_open, m_table);
}

void ClientsPage::refresh()
{
    const std::string query = toStd(m_search->text().trimmed());
    const int generation = ++m_generation;
    m_worker.run<std::vector<Client>>(
        this, [query](core::vault::Vault& vault) { return core::app::ClientService(vault).list(query); },
        [this, generation](Result<std::vector<Client>> clients) {
            if (generation != m_generation) return;  // a newer search is on its way
            if (!clients) {
                m_error->showMessage(toQt(clients.error().message));
                return;
            }
            m_error->clearMessage();
            m_model->setClients(std::move(clients.value()));
            if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid()) m_table->selectRow(0);
            emit listed(m_model->rowCount());
        });
}

void ClientsPage::clear()
{
    ++m_generation;
    m_model->setClients({});
    m_search->clear();
    if (m_dialog) m_dialog->reject();
}

void ClientsPage::openSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid()) return;
    emit clientOpened(m_model->clientAt(index.row()).id);
}

void ClientsPage::addClient()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new ClientDialog(this);
    m_dialog->setObjectName(QStringLiteral("clientDialog"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    connect(m_dialog, &ClientDialog::submitted, this, [this] {
        ClientDialog* dialog = m_dialog;
        dialog->setBusy(true);
        m_worker.run<Client>(
            dialog, [client = dialog->client()](core::vault::Vault& vault) { return core::app::ClientService(vault).add(client); },
            [this, dialog](Result<Client> added) {
                dialog->setBusy(false);
                if (!added) {
                    dialog->showError(toQt(added.error().message));
                    return;
                }
                dialog->accept();
                refresh();
                emit clientOpened(added->id);
            });
    });
    m_dialog->open();
}

}  // namespace noteward::ui
