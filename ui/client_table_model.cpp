#include "client_table_model.h"

#include "qt_text.h"

namespace noteward::ui {

namespace {
// NHS numbers are read and written 3-3-4 ("943 476 5919"); stored as ten digits.
QString spacedNhsNumber(const std::optional<std::string>& digits)
{
    const QString d = toQt(digits);
    return d.size() == 10 ? d.left(3) + ' ' + d.mid(3, 3) + ' ' + d.mid(6) : d;
}

QString statusLabel(core::model::ClientStatus status)
{
    switch (status) {
    case core::model::ClientStatus::Active: return ClientTableModel::tr("Active");
    case core::model::ClientStatus::Discharged: return ClientTableModel::tr("Discharged");
    case core::model::ClientStatus::Archived: return ClientTableModel::tr("Archived");
    }
    return {};
}
}  // namespace

void ClientTableModel::setClients(std::vector<core::model::Client> clients)
{
    beginResetModel();
    m_clients = std::move(clients);
    endResetModel();
}

int ClientTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clients.size());
}

int ClientTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& c = clientAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return toQt(c.name);
        case DateOfBirth: return toQt(c.dateOfBirth);
        case NhsNumber: return spacedNhsNumber(c.nhsNumber);
        case Status: return statusLabel(c.status);
        default: return {};
        }
    }
    if (role == Qt::UserRole) return toQt(c.id);
    return {};
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Name");
    case DateOfBirth: return tr("Date of birth");
    case NhsNumber: return tr("NHS number");
    case Status: return tr("Status");
    default: return {};
    }
}

}  // namespace noteward::ui
