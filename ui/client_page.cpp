#include "client_page.h"

#include "app/client_service.h"
#include "message_banner.h"
#include "qt_text.h"
#include "session_table_model.h"
#include "vault_worker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace noteward::ui {

using core::Result;

namespace {
struct ClientView {
    core::model::Client client;
    std::vector<core::model::Session> sessions;
};

QString detailsText(const core::model::Client& c)
{
    QStringList lines;
    if (c.dateOfBirth) lines << ClientPage::tr("Born %1").arg(toQt(c.dateOfBirth));
    if (c.nhsNumber) lines << ClientPage::tr("NHS number %1").arg(toQt(c.nhsNumber));
    if (c.contact.phone) lines << toQt(c.contact.phone);
    if (c.contact.email) lines << toQt(c.contact.email);
    if (c.contact.address) lines << toQt(c.contact.address);
    return lines.join(QStringLiteral(" · "));
}
}  // namespace

ClientPage::ClientPage(VaultWorker& worker, QWidget* parent)
    : QWidget(parent),
      m_worker(worker),
      m_name(new QLabel(this)),
      m_details(new QLabel(this)),
      m_sessions(new SessionTableModel(this)),
      m_table(new QTableView(this)),
      m_new(new QPushButton(tr("New &session"), this)),
      m_open(new QPushButton(tr("&Open session"), this)),
      m_error(new MessageBanner(this))
{
    setObjectName(QStringLiteral("clientPage"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setObjectName(QStringLiteral("clientPageName"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* backButton = new QPushButton(tr("← &Clients"), this);
    backButton->setObjectName(QStringLiteral("backToClients"));
    backButton->setShortcut(QKeySequence::Back);
    backButton->setAccessibleName(tr("Back to clients"));
    connect(backButton, &QPushButton::clicked, this, &ClientPage::back);

    m_table->setObjectName(QStringLiteral("sessionTable"));
    m_table->setAccessibleName(tr("Sessions, newest first"));
    m_table->setModel(m_sessions);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::activated, this, &ClientPage::openSelected);
    m_new->setObjectName(QStringLiteral("newSessionButton"));
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_new, &QPushButton::clicked, this, &ClientPage::newSession);
    m_open->setObjectName(QStringLiteral("openSessionButton"));
    connect(m_open, &QPushButton::clicked, this, &ClientPage::openSelected);

    auto* head = new QHBoxLayout;
    head->addWidget(backButton);
    head->addWidget(m_name, 1);
    head->addWidget(m_new);
    head->addWidget(m_open);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
}

void ClientPage::showClient(const std::string& clientId)
{
    m_clientId = clientId;
    m_worker.run<ClientView>(
        this,
        [clientId](core::vault::Vault& vault) -> Result<ClientView> {
            core::app::ClientService service(vault);
            auto client = service.get(clientId);
            if (!client) return client.error();
            auto sessions = service.sessions(clientId);
            if (!sessions) return sessions.error();
            return ClientView{std::move(client.value()), std::move(sessions.value())};
        },
        [this, clientId](Result<ClientView> view) {
            if (clientId != m_clientId) return;
            if (!view) {
                m_error->showMessage(toQt(view.error().message));
                return;
            }
            m_error->clearMessage();
            m_name->setText(toQt(view->client.name));
            m_details->setText(detailsText(view->client));
            m_sessions->setSessions(std::move(view->sessions));
            if (m_sessions->rowCount() > 0) m_table->selectRow(0);
            m_table->setFocus();
        });
}

void ClientPage::newSession()
{
    if (m_creating || m_clientId.empty()) return;  // one session per press, however fast the presses
    m_creating = true;
    m_worker.run<core::model::Session>(
        this, [clientId = m_clientId](core::vault::Vault& vault) { return core::app::ClientService(vault).newSession(clientId); },
        [this](Result<core::model::Session> session) {
            m_creating = false;
            if (!session) {
                m_error->showMessage(toQt(session.error().message));
                return;
            }
            emit sessionOpened(session->id);
        });
}

void ClientPage::openSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (index.isValid()) emit sessionOpened(m_sessions->sessionAt(index.row()).id);
}

void ClientPage::clear()
{
    m_clientId.clear();
    m_name->clear();
    m_details->clear();
    m_sessions->setSessions({});
}

}  // namespace noteward::ui
