#pragma once

#include "model/session.h"

#include <QAbstractTableModel>

#include <vector>

namespace noteward::ui {

// A client's sessions as rows, newest first (as the vault lists them).
class SessionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Started, Duration, Status, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setSessions(std::vector<core::model::Session> sessions);
    const core::model::Session& sessionAt(int row) const { return m_sessions.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<core::model::Session> m_sessions;
};

// "2026-11-26T15:03:12.000Z" shown in local time, as a person reads a date.
QString localDateTime(const std::string& isoUtc);

}  // namespace noteward::ui
