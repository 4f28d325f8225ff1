#include "wrapping_tree.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyledItemDelegate>

namespace noteward::ui {

namespace {
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize base = QStyledItemDelegate::sizeHint(option, index);
        const QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty()) return base;
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) ++depth;
        int width = m_view->isFirstColumnSpanned(index.row(), index.parent()) ? m_view->viewport()->width()
                                                                               : m_view->header()->sectionSize(index.column());
        if (index.column() == 0) width -= m_view->indentation() * (depth + 1);
        width -= 2 * (QApplication::style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 2);
        if (width <= 40) return base;
        QFont font = option.font;
        const QVariant f = index.data(Qt::FontRole);
        if (f.canConvert<QFont>()) font = f.value<QFont>();
        const QRect bounds = QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text);
        return {base.width(), std::max(base.height(), bounds.height() + 4)};
    }

private:
    QTreeView* m_view;
};
}  // namespace

WrappingTree::WrappingTree(QWidget* parent) : QTreeWidget(parent)
{
    setWordWrap(true);
    setUniformRowHeights(false);
    setTextElideMode(Qt::ElideNone);
    setItemDelegate(new WrappingDelegate(this));
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
}

void WrappingTree::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    scheduleDelayedItemsLayout();  // spanned rows wrap at the viewport's width
}

}  // namespace noteward::ui
