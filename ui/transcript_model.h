#pragma once

#include "notes/transcript.h"

#include <QAbstractTableModel>
#include <QSet>

#include <optional>

namespace noteward::ui {

// The working transcript as rows, one per segment, for the transcript pane. Editing the text
// or the speaker does not write anything itself: it asks (correctionRequested) and the
// workspace stores it as a correction on the vault thread, keeping the machine original.
class TranscriptModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Speaker, Text, Original, ColumnCount };
    enum Role { SegmentIdRole = Qt::UserRole + 1, StartMsRole, HighlightedRole };

    using QAbstractTableModel::QAbstractTableModel;

    // Same segment ids as now: rows change in place (selection and scroll stay); else reset.
    void setTranscript(const std::optional<core::notes::Transcript>& working,
                       const std::optional<core::notes::Transcript>& machine);
    void setHighlighted(const QSet<QString>& segmentIds);
    int rowOf(const QString& segmentId) const;
    const core::notes::Segment* segmentAt(int row) const;
    bool isEditable() const { return m_editable; }
    void setEditable(bool editable) { m_editable = editable; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString speakerLabel(const std::string& speaker);

signals:
    void correctionRequested(const QString& segmentId, const std::optional<QString>& text,
                             const std::optional<QString>& speaker);

private:
    std::vector<core::notes::Segment> m_segments;
    std::vector<core::notes::Segment> m_machine;  // by row; empty text where there is none
    QSet<QString> m_highlighted;
    bool m_editable = true;
};

}  // namespace noteward::ui
