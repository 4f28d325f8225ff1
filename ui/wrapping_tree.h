#pragma once

#include <QTreeWidget>

namespace noteward::ui {

// A tree whose long texts wrap onto more lines instead of being cut off with "…": clinical
// statements and quotes must be read whole. QTreeView measures rows without the column's
// width, so a delegate measures the wrapped text against it, and rows are measured again
// whenever a column's width changes.
class WrappingTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit WrappingTree(QWidget* parent = nullptr);
    bool isEditing() const { return state() == EditingState; }

protected:
    void resizeEvent(QResizeEvent* event) override;
};

}  // namespace noteward::ui
