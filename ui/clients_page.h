#pragma once

#include <QWidget>

#include <string>

class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace noteward::ui {

class ClientDialog;
class ClientTableModel;
class MessageBanner;
class VaultWorker;

// The client list: search as you type (queried on the vault thread after a short pause),
// open a client with Enter or a double-click, add one with Ctrl+N.
class ClientsPage : public QWidget {
    Q_OBJECT
public:
    ClientsPage(VaultWorker& worker, QWidget* parent = nullptr);

    ClientTableModel* model() const { return m_model; }
    void refresh();
    void addClient();
    // Drops what is shown (at lock).
    void clear();

signals:
    void clientOpened(const std::string& clientId);
    void listed(int count);

private:
    void openSelected();

    VaultWorker& m_worker;
    ClientTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_open;
    MessageBanner* m_error;
    QTimer* m_debounce;
    ClientDialog* m_dialog = nullptr;
    int m_generation = 0;
};

}  // namespace noteward::ui
