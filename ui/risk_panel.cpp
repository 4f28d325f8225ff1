#include "risk_panel.h"

#include "notes/local_engine.h"
#include "qt_text.h"
#include "sign_gate_text.h"
#include "vocabulary_labels.h"
#include "wrapping_tree.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace noteward::ui {

using namespace core::notes;

namespace {
QString reviewText(const core::vault::RiskReview* review)
{
    if (!review) return {};
    const QString reason = review->reason ? QStringLiteral(": ") + toQt(review->reason) : QString();
    if (review->decision == "confirmed") return RiskPanel::tr("Confirmed") + reason;
    if (review->decision == "dismissed") return RiskPanel::tr("Dismissed") + reason;
    return RiskPanel::tr("Set by you") + reason;
}

QString quoteLine(const Evidence& e)
{
    QString line = QStringLiteral("“%1” (%2)").arg(toQt(e.quote), toQt(e.segment));
    if (e.stance) line = riskStatusLabel(*e.stance) + QStringLiteral(": ") + line;
    return line;
}
}  // namespace

RiskPanel::RiskPanel(QWidget* parent)
    : QWidget(parent),
      m_tree(new WrappingTree(this)),
      m_gate(new QLabel(this)),
      m_reason(new QLineEdit(this)),
      m_confirm(new QPushButton(tr("&Confirm"), this)),
      m_dismiss(new QPushButton(tr("&Dismiss"), this)),
      m_status(new QComboBox(this)),
      m_assess(new QPushButton(tr("Set asse&ssment"), this)),
      m_hint(new QLabel(this)),
      m_caveat(new QLabel(this))
{
    setObjectName(QStringLiteral("riskPanel"));
    auto* title = new QLabel(tr("<b>Risk</b>"), this);
    m_tree->setObjectName(QStringLiteral("riskTree"));
    m_tree->setAccessibleName(tr("Risk categories"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Category"), tr("Status"), tr("Your decision")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setMinimumSectionSize(60);
    m_tree->setWordWrap(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (RiskCategory category : kAllRiskCategories) {
        auto* item = new QTreeWidgetItem(m_tree, {riskTitle(category), tr("Not assessed")});
        item->setData(0, CategoryRole, static_cast<int>(category));
    }
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        // A reason belongs to the category it was typed for.
        if (currentCategory() != m_reasonFor) {
            m_reason->clear();
            m_reasonFor = currentCategory();
        }
        updateControls();
        if (item && !item->data(0, SegmentRole).toString().isEmpty()) emit segmentSelected(item->data(0, SegmentRole).toString());
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (!item->data(0, SegmentRole).toString().isEmpty()) emit segmentActivated(item->data(0, SegmentRole).toString());
    });

    m_gate->setObjectName(QStringLiteral("riskGate"));
    m_gate->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("riskReason"));
    m_reason->setAccessibleName(tr("Reason or note"));
    m_reason->setPlaceholderText(tr("Reason (needed to dismiss, or for a conflicting flag)"));
    m_confirm->setObjectName(QStringLiteral("confirmRiskButton"));
    m_dismiss->setObjectName(QStringLiteral("dismissRiskButton"));
    m_status->setObjectName(QStringLiteral("assessStatus"));
    m_status->setAccessibleName(tr("Your assessment"));
    for (RiskStatus s : {RiskStatus::Present, RiskStatus::Denied, RiskStatus::Historical})
        m_status->addItem(riskStatusLabel(s), static_cast<int>(s));
    m_assess->setObjectName(QStringLiteral("assessRiskButton"));
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("riskHint"));
    // The on-device rules read risk said in plain words; on sessions written by other hands
    // they found about half of what was disclosed. An empty "Not assessed" row must not read
    // as "nothing was said", so the panel says so wherever such a draft is reviewed.
    m_caveat->setObjectName(QStringLiteral("riskCaveat"));
    m_caveat->setWordWrap(true);
    m_caveat->setText(tr("Drafted on this device: its risk reading finds risk said in plain words and misses much "
                         "that is said in everyday or roundabout ones. Read the transcript before you decide; "
                         "\"Not assessed\" does not mean nothing was said."));
    m_caveat->setVisible(false);
    connect(m_confirm, &QPushButton::clicked, this, &RiskPanel::confirmCurrent);
    connect(m_dismiss, &QPushButton::clicked, this, &RiskPanel::dismissCurrent);
    connect(m_assess, &QPushButton::clicked, this, &RiskPanel::assessCurrent);
    connect(m_reason, &QLineEdit::textChanged, this, &RiskPanel::updateControls);

    auto* reasonLabel = new QLabel(tr("&Reason"), this);
    reasonLabel->setBuddy(m_reason);
    m_reasonLabel = reasonLabel;
    auto* decide = new QHBoxLayout;
    decide->addWidget(m_confirm);
    decide->addWidget(m_dismiss);
    decide->addStretch(1);
    decide->addWidget(m_status);
    decide->addWidget(m_assess);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_caveat);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_hint);
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    layout->addLayout(reasonRow);
    layout->addLayout(decide);
    layout->addWidget(m_gate);
    updateControls();
}

QTreeWidgetItem* RiskPanel::categoryItem(RiskCategory category) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, CategoryRole).toInt() == static_cast<int>(category)) return m_tree->topLevelItem(i);
    return nullptr;
}

void RiskPanel::selectCategory(RiskCategory category) { m_tree->setCurrentItem(categoryItem(category)); }

void RiskPanel::setRecord(const core::app::SessionRecord& record)
{
    // A reason typed for one session never carries over to another.
    if (!m_record || m_record->session.id != record.session.id) {
        m_reason->clear();
        m_reasonFor.reset();
    }
    // The reason stays until the decision it was typed for is stored (a refused one keeps it).
    if (m_pending && record.review(*m_pending)) {
        if (m_reasonFor == m_pending) m_reason->clear();
        m_pending.reset();
    }
    m_record = record;
    m_caveat->setVisible(record.draft && record.draft->engine == core::notes::LocalEngine::kName && !record.signedNote);
    const std::optional<RiskCategory> keep = currentCategory();
    for (RiskCategory category : kAllRiskCategories) {
        auto* item = categoryItem(category);
        const bool wasExpanded = item->isExpanded();
        qDeleteAll(item->takeChildren());
        const RiskFlag* flag = record.draft ? record.draft->risk(category) : nullptr;
        const auto* review = record.review(category);
        QString status = tr("Not assessed");
        std::optional<RiskStatus> shown;
        if (flag) {
            shown = flag->status;
            status = riskStatusLabel(flag->status) + (flag->conflicting ? tr(" — conflicting") : QString());
        } else if (review && review->decision.rfind("assessed:", 0) == 0) {
            shown = riskStatusFromKey(review->decision.substr(9));
            if (shown) status = riskStatusLabel(*shown);
        }
        item->setText(1, status);
        item->setText(2, reviewText(review));
        QFont f = item->font(0);
        f.setBold(shown == RiskStatus::Present);
        item->setFont(0, f);
        item->setFont(1, f);
        const bool needsDecision = flag && (!review || (review->decision != "confirmed" && review->decision != "dismissed"));
        item->setData(0, Qt::AccessibleDescriptionRole,
                      status + QStringLiteral("; ") + (needsDecision ? tr("needs your decision") : reviewText(review)));
        if (needsDecision) item->setText(2, tr("Needs your decision"));
        if (flag) {
            // A quote that an aspect line below shows too is listed once, with its aspect.
            const auto inAspect = [&flag](const Evidence& e) {
                for (const auto& [aspect, finding] : flag->aspects)
                    for (const auto& a : finding.evidence)
                        if (a.segment == e.segment && a.quote == e.quote) return true;
                return false;
            };
            for (const auto& e : flag->evidence) {
                if (inAspect(e)) continue;
                auto* child = new QTreeWidgetItem(item, {quoteLine(e)});
                child->setData(0, SegmentRole, toQt(e.segment));
                child->setFirstColumnSpanned(true);
            }
            for (const auto& [aspect, finding] : flag->aspects) {
                for (const auto& e : finding.evidence) {
                    auto* child = new QTreeWidgetItem(
                        item, {aspectLabel(aspect) + QStringLiteral(" (") + riskStatusLabel(finding.status) +
                                   QStringLiteral("): ") + quoteLine(e)});
                    child->setData(0, SegmentRole, toQt(e.segment));
                    child->setFirstColumnSpanned(true);
                }
            }
        }
        item->setExpanded(wasExpanded || needsDecision || (flag && flag->conflicting));
    }
    if (keep) selectCategory(*keep);
    const QStringList lines = record.draft ? gateLines(record) : QStringList();
    m_gate->setText(record.signedNote ? tr("Signed: the risk decisions are part of the signed note.")
                    : lines.isEmpty()  ? tr("Every risk flag has your decision.")
                                       : tr("Signing is blocked until every flag has your decision:\n%1")
                                             .arg(lines.join(QLatin1Char('\n'))));
    updateControls();
}

std::optional<RiskCategory> RiskPanel::currentCategory() const
{
    auto* item = m_tree->currentItem();
    if (!item) return std::nullopt;
    if (item->parent()) item = item->parent();
    return static_cast<RiskCategory>(item->data(0, CategoryRole).toInt());
}

void RiskPanel::updateControls()
{
    const auto category = currentCategory();
    const bool editable = m_record && m_record->draft && !m_record->signedNote;
    for (QWidget* w : {static_cast<QWidget*>(m_confirm), static_cast<QWidget*>(m_dismiss), static_cast<QWidget*>(m_status),
                       static_cast<QWidget*>(m_assess), static_cast<QWidget*>(m_reason), static_cast<QWidget*>(m_reasonLabel)})
        w->setVisible(!m_record || !m_record->signedNote);
    const RiskFlag* flag = category && editable ? m_record->draft->risk(*category) : nullptr;
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    m_confirm->setEnabled(flag && (!flag->conflicting || hasReason));
    m_dismiss->setEnabled(flag && hasReason);
    m_status->setEnabled(editable && category && !flag);
    m_assess->setEnabled(editable && category && !flag && hasReason);
    m_reason->setEnabled(editable && category);
    if (!category || !editable) m_hint->clear();
    else if (flag && flag->conflicting)
        m_hint->setText(tr("The client both disclosed and denied this. Write how you resolved it, then confirm or dismiss."));
    else if (flag) m_hint->setText(tr("Confirm the flag, or dismiss it with a reason."));
    else m_hint->setText(tr("Not assessed by the draft. If you assessed it yourself, choose the status and write what it rests on."));
}

void RiskPanel::confirmCurrent()
{
    const auto category = currentCategory();
    if (!category || !m_confirm->isEnabled()) return;
    const QString reason = m_reason->text().trimmed();
    m_pending = category;
    emit reviewRequested(*category, true, reason.isEmpty() ? std::nullopt : std::optional<std::string>(toStd(reason)));
}

void RiskPanel::dismissCurrent()
{
    const auto category = currentCategory();
    if (!category || !m_dismiss->isEnabled()) return;
    m_pending = category;
    emit reviewRequested(*category, false, toStd(m_reason->text().trimmed()));
}

void RiskPanel::assessCurrent()
{
    const auto category = currentCategory();
    if (!category || !m_assess->isEnabled()) return;
    m_pending = category;
    emit assessRequested(*category, static_cast<RiskStatus>(m_status->currentData().toInt()), toStd(m_reason->text().trimmed()));
}

}  // namespace noteward::ui
