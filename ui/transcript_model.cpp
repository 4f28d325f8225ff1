#include "transcript_model.h"

#include "qt_text.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QApplication>

namespace noteward::ui {

namespace {
QString timeOf(std::int64_t ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
}  // namespace

QString TranscriptModel::speakerLabel(const std::string& speaker)
{
    if (speaker == "therapist") return tr("Therapist");
    if (speaker == "client") return tr("Client");
    if (speaker == "speaker_1") return tr("Speaker 1");
    if (speaker == "speaker_2") return tr("Speaker 2");
    return tr("Unknown");
}

void TranscriptModel::setTranscript(const std::optional<core::notes::Transcript>& working,
                                    const std::optional<core::notes::Transcript>& machine)
{
    std::vector<core::notes::Segment> next = working ? working->segments : std::vector<core::notes::Segment>{};
    std::vector<core::notes::Segment> original;
    for (const auto& s : next) {
        const core::notes::Segment* m = machine ? machine->find(s.id) : nullptr;
        original.push_back(m ? *m : core::notes::Segment{});
    }
    const bool sameRows = next.size() == m_segments.size() &&
                          std::equal(next.begin(), next.end(), m_segments.begin(),
                                     [](const auto& a, const auto& b) { return a.id == b.id; });
    if (sameRows) {
        m_segments = std::move(next);
        m_machine = std::move(original);
        if (!m_segments.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_segments = std::move(next);
    m_machine = std::move(original);
    endResetModel();
}

void TranscriptModel::setHighlighted(const QSet<QString>& segmentIds)
{
    m_highlighted = segmentIds;
    if (!m_segments.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, HighlightedRole});
}

int TranscriptModel::rowOf(const QString& segmentId) const
{
    for (std::size_t i = 0; i < m_segments.size(); ++i)
        if (toQt(m_segments[i].id) == segmentId) return static_cast<int>(i);
    return -1;
}

const core::notes::Segment* TranscriptModel::segmentAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_segments[static_cast<std::size_t>(row)] : nullptr;
}

int TranscriptModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_segments.size());
}

int TranscriptModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TranscriptModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto& s = m_segments.at(row);
    const auto& m = m_machine.at(row);
    const bool corrected = !m.id.empty() && (m.text != s.text || m.speaker != s.speaker);
    switch (role) {
    case SegmentIdRole: return toQt(s.id);
    case StartMsRole: return QVariant::fromValue<qint64>(s.startMs);
    case HighlightedRole: return m_highlighted.contains(toQt(s.id));
    case Qt::BackgroundRole:
        if (m_highlighted.contains(toQt(s.id))) {
            QColor c = QApplication::palette().highlight().color();
            c.setAlpha(60);
            return QBrush(c);
        }
        return {};
    case Qt::FontRole:
        if (index.column() == Speaker && s.speaker != "therapist" && s.speaker != "client") {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (corrected) return tr("Corrected. Machine original: %1 — %2").arg(speakerLabel(m.speaker), toQt(m.text));
        return {};
    case Qt::EditRole:
        if (index.column() == Speaker) return toQt(s.speaker);
        if (index.column() == Text) return toQt(s.text);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Time: return timeOf(s.startMs);
        case Speaker: return speakerLabel(s.speaker) + (corrected ? QStringLiteral(" ✎") : QString());
        case Text: return toQt(s.text);
        case Original: return m.id.empty() ? QString() : toQt(m.text);
        }
        return {};
    }
    return {};
}

bool TranscriptModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_editable) return false;
    auto& s = m_segments.at(static_cast<std::size_t>(index.row()));
    const QString v = value.toString();
    if (index.column() == Text) {
        if (v.trimmed().isEmpty() || v == toQt(s.text)) return false;
        s.text = toStd(v);
        emit dataChanged(index, index);
        emit correctionRequested(toQt(s.id), v, std::nullopt);
        return true;
    }
    if (index.column() == Speaker) {
        if (v == toQt(s.speaker)) return false;
        s.speaker = toStd(v);
        emit dataChanged(index, index);
        emit correctionRequested(toQt(s.id), std::nullopt, v);
        return true;
    }
    return false;
}

Qt::ItemFlags TranscriptModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_editable && (index.column() == Text || index.column() == Speaker)) f |= Qt::ItemIsEditable;
    return f;
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time");
    case Speaker: return tr("Speaker");
    case Text: return tr("Text");
    case Original: return tr("Machine original");
    }
    return {};
}

}  // namespace noteward::ui
