#pragma once

#include "vault/vault.h"

#include <QMainWindow>

#include <memory>

class QLineEdit;
class QTableView;
class QSortFilterProxyModel;

namespace noteward::ui {

class ClientTableModel;

// The therapist's main window: for now the client list of the unlocked vault, with search,
// adding a client and locking. Recording, notes and sync arrive with their issues.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<core::vault::Vault> vault, QWidget* parent = nullptr);
    ~MainWindow() override;

    ClientTableModel* clientModel() const { return m_model; }
    core::vault::Vault* vault() const { return m_vault.get(); }

public slots:
    void refresh();
    void addClient();
    void lockVault();

private:
    void showError(const QString& message);

    std::unique_ptr<core::vault::Vault> m_vault;
    ClientTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
};

}  // namespace noteward::ui
