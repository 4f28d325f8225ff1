#pragma once

#include "model/client.h"

#include <QAbstractTableModel>

#include <vector>

namespace noteward::ui {

// Clients as rows for a QTableView; the window refills it from the vault.
class ClientTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, DateOfBirth, NhsNumber, Status, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setClients(std::vector<core::model::Client> clients);
    const core::model::Client& clientAt(int row) const { return m_clients.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<core::model::Client> m_clients;
};

}  // namespace noteward::ui
