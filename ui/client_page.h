#pragma once

#include "model/client.h"

#include <QWidget>

#include <string>

class QLabel;
class QPushButton;
class QTableView;

namespace noteward::ui {

class MessageBanner;
class SessionTableModel;
class VaultWorker;

// One client: their details and sessions, newest first; a new session or an existing one
// opens the session workspace.
class ClientPage : public QWidget {
    Q_OBJECT
public:
    ClientPage(VaultWorker& worker, QWidget* parent = nullptr);

    void showClient(const std::string& clientId);
    const std::string& clientId() const { return m_clientId; }
    SessionTableModel* sessions() const { return m_sessions; }
    void newSession();
    void clear();

signals:
    void sessionOpened(const std::string& sessionId);
    void back();

private:
    void openSelected();

    VaultWorker& m_worker;
    std::string m_clientId;
    bool m_creating = false;
    QLabel* m_name;
    QLabel* m_details;
    SessionTableModel* m_sessions;
    QTableView* m_table;
    QPushButton* m_new;
    QPushButton* m_open;
    MessageBanner* m_error;
};

}  // namespace noteward::ui
