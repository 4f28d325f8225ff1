#include "session_table_model.h"

#include "qt_text.h"

#include <QDateTime>
#include <QLocale>

namespace noteward::ui {

QString localDateTime(const std::string& isoUtc)
{
    const QDateTime t = QDateTime::fromString(toQt(isoUtc), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : toQt(isoUtc);
}

void SessionTableModel::setSessions(std::vector<core::model::Session> sessions)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int SessionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sessions.size());
}

int SessionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SessionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole) return {};
    const auto& s = m_sessions.at(static_cast<std::size_t>(index.row()));
    switch (index.column()) {
    case Started: return localDateTime(s.startedAt);
    case Duration:
        return s.durationSeconds > 0 ? tr("%1 min").arg((s.durationSeconds + 59) / 60) : QString();
    case Status:
        switch (s.status) {
        case core::model::SessionStatus::Scheduled: return tr("Scheduled");
        case core::model::SessionStatus::InProgress: return tr("In progress");
        case core::model::SessionStatus::Completed: return tr("Completed");
        case core::model::SessionStatus::Cancelled: return tr("Cancelled");
        }
    }
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Started: return tr("Started");
    case Duration: return tr("Length");
    case Status: return tr("Status");
    }
    return {};
}

}  // namespace noteward::ui
