#pragma once

#include "app/session_record.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace noteward::ui {

// The risk panel: all seven categories, always, each present / historical / denied / not
// assessed with the evidence quotes it rests on (a quote selects its transcript segment;
// Enter plays it), plan, means and the other aspects for suicide and self-harm, and the
// therapist's decision. A flag is confirmed, or dismissed with a reason; a conflicting flag
// needs a note either way; a category the engine did not assess can be set with a note.
class RiskPanel : public QWidget {
    Q_OBJECT
public:
    enum Role { CategoryRole = Qt::UserRole + 1, SegmentRole };

    explicit RiskPanel(QWidget* parent = nullptr);

    void setRecord(const core::app::SessionRecord& record);
    QTreeWidget* tree() const { return m_tree; }
    QTreeWidgetItem* categoryItem(core::notes::RiskCategory category) const;
    void selectCategory(core::notes::RiskCategory category);

    void confirmCurrent();
    void dismissCurrent();
    void assessCurrent();

signals:
    void reviewRequested(core::notes::RiskCategory category, bool confirm, const std::optional<std::string>& reason);
    void assessRequested(core::notes::RiskCategory category, core::notes::RiskStatus status, const std::string& note);
    void segmentSelected(const QString& segmentId);
    void segmentActivated(const QString& segmentId);

private:
    std::optional<core::notes::RiskCategory> currentCategory() const;
    void updateControls();

    QTreeWidget* m_tree;
    QLabel* m_gate;
    QLineEdit* m_reason;
    QLabel* m_reasonLabel = nullptr;
    QPushButton* m_confirm;
    QPushButton* m_dismiss;
    QComboBox* m_status;
    QPushButton* m_assess;
    QLabel* m_hint;
    QLabel* m_caveat;  // what the on-device engine's risk reading cannot be trusted to find
    std::optional<core::app::SessionRecord> m_record;
    std::optional<core::notes::RiskCategory> m_reasonFor;  // the category the reason was typed for
    std::optional<core::notes::RiskCategory> m_pending;    // a decision sent, not yet read back
};

}  // namespace noteward::ui
