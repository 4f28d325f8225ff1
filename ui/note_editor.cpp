#include "note_editor.h"

#include "qt_text.h"
#include "vocabulary_labels.h"
#include "wrapping_tree.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace noteward::ui {

using core::notes::Origin;
using core::notes::Section;
using core::notes::Statement;

namespace {
QString chips(const QStringList& sources)
{
    QStringList out;
    for (const auto& s : sources) out << (s.startsWith(QLatin1String("note:")) ? NoteEditor::tr("last note") : s);
    return out.isEmpty() ? QString() : QStringLiteral("[") + out.join(QStringLiteral("] [")) + QStringLiteral("]");
}

QString originLabel(Origin origin)
{
    switch (origin) {
    case Origin::Therapist: return NoteEditor::tr("yours");
    case Origin::PreviousNote: return NoteEditor::tr("suggestion from the last note");
    case Origin::Transcript: return NoteEditor::tr("from the transcript");
    }
    return {};
}
}  // namespace

NoteEditor::NoteEditor(QWidget* parent)
    : QWidget(parent),
      m_tree(new WrappingTree(this)),
      m_add(new QPushButton(tr("&Add"), this)),
      m_delete(new QPushButton(tr("De&lete"), this)),
      m_up(new QPushButton(tr("Move up"), this)),
      m_down(new QPushButton(tr("Move down"), this)),
      m_accept(new QPushButton(tr("Acc&ept suggestion"), this)),
      m_playSources(new QPushButton(tr("Play sources"), this)),
      m_showRejected(new QCheckBox(tr("Show re&jected candidates"), this)),
      m_rejected(new QListWidget(this))
{
    setObjectName(QStringLiteral("noteEditor"));
    auto* title = new QLabel(tr("<b>Note</b>"), this);
    m_tree->setObjectName(QStringLiteral("noteTree"));
    m_tree->setAccessibleName(tr("Note sections and statements"));
    m_tree->setAccessibleDescription(tr("F2 edits a statement, Insert adds one, Delete removes it, Alt+Up and "
                                        "Alt+Down reorder."));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Statement"), tr("Sources")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    connect(m_tree, &QTreeWidget::itemChanged, this, &NoteEditor::itemEdited);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        updateButtons();
        QSet<QString> ids;
        if (item && item->parent())
            for (const auto& s : item->data(0, SourcesRole).toStringList())
                if (!s.startsWith(QLatin1String("note:"))) ids.insert(s);
        emit sourcesSelected(ids);
    });

    struct Shortcut {
        QPushButton* button;
        QKeySequence key;
        const char* name;
    };
    for (const auto& s : {Shortcut{m_add, QKeySequence(Qt::Key_Insert), "addStatementButton"},
                          Shortcut{m_delete, QKeySequence(QKeySequence::Delete), "deleteStatementButton"},
                          Shortcut{m_up, QKeySequence(Qt::ALT | Qt::Key_Up), "moveUpButton"},
                          Shortcut{m_down, QKeySequence(Qt::ALT | Qt::Key_Down), "moveDownButton"},
                          Shortcut{m_accept, QKeySequence(Qt::CTRL | Qt::Key_Return), "acceptSuggestionButton"},
                          Shortcut{m_playSources, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), "playSourcesButton"}}) {
        s.button->setObjectName(QString::fromLatin1(s.name));
        // Shortcuts act only while the note has focus (Delete must not delete a statement
        // while the therapist edits transcript text).
        auto* action = new QAction(s.button->text(), m_tree);
        action->setShortcut(s.key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, s.button, &QPushButton::click);
        m_tree->addAction(action);
        s.button->setToolTip(s.key.toString(QKeySequence::NativeText));
    }
    connect(m_add, &QPushButton::clicked, this, &NoteEditor::addStatement);
    connect(m_delete, &QPushButton::clicked, this, &NoteEditor::deleteStatement);
    connect(m_up, &QPushButton::clicked, this, [this] { moveStatement(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStatement(1); });
    connect(m_accept, &QPushButton::clicked, this, &NoteEditor::acceptSuggestion);
    connect(m_playSources, &QPushButton::clicked, this, [this] {
        if (auto* item = currentStatement()) {
            QSet<QString> ids;
            for (const auto& s : item->data(0, SourcesRole).toStringList())
                if (!s.startsWith(QLatin1String("note:"))) ids.insert(s);
            emit playSourcesRequested(ids);
        }
    });
    m_showRejected->setObjectName(QStringLiteral("showRejected"));
    m_rejected->setObjectName(QStringLiteral("rejectedList"));
    m_rejected->setAccessibleName(tr("Rejected candidates"));
    m_rejected->hide();
    connect(m_showRejected, &QCheckBox::toggled, m_rejected, &QWidget::setVisible);

    for (Section section : core::notes::kAllSections) {
        auto* item = new QTreeWidgetItem(m_tree, {sectionTitle(section)});
        item->setData(0, SectionRole, static_cast<int>(section));
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setExpanded(true);
        updatePlaceholder(item);
    }

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch(1);
    for (auto* b : {m_add, m_delete, m_up, m_down, m_accept, m_playSources}) buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_showRejected);
    layout->addWidget(m_rejected);
    updateButtons();
}

QTreeWidgetItem* NoteEditor::sectionItem(Section section) const
{
    return m_tree->topLevelItem(static_cast<int>(core::notes::indexOf(section)));
}

void NoteEditor::setDraft(const std::optional<core::notes::Draft>& draft, bool readOnly)
{
    const std::string json = draft ? core::notes::toJson(*draft).dump() : std::string();
    if (json == m_shown && readOnly == m_readOnly) return;
    // Never under the therapist's cursor: the edit being typed is saved when it is committed,
    // and the reload after that save brings the rest.
    if (static_cast<WrappingTree*>(m_tree)->isEditing()) return;
    m_shown = json;
    m_draft = draft;
    m_readOnly = readOnly;
    rebuild(draft ? *draft : core::notes::Draft{});
}

void NoteEditor::rebuild(const core::notes::Draft& draft)
{
    m_building = true;
    for (Section section : core::notes::kAllSections) {
        auto* item = sectionItem(section);
        qDeleteAll(item->takeChildren());
        if (const auto& statements = draft.section(section))
            for (const auto& st : *statements) item->addChild(makeStatementItem(st));
        updatePlaceholder(item);
    }
    m_rejected->clear();
    for (const auto& r : draft.rejected)
        m_rejected->addItem(tr("%1 — %2 (%3)").arg(toQt(r.section), toQt(r.text), toQt(r.reason)));
    m_showRejected->setText(tr("Show re&jected candidates (%1)").arg(draft.rejected.size()));
    m_building = false;
    updateButtons();
}

QTreeWidgetItem* NoteEditor::makeStatementItem(const Statement& statement)
{
    auto* item = new QTreeWidgetItem({toQt(statement.text)});
    QStringList sources;
    for (const auto& s : statement.sources) sources << toQt(s);
    item->setData(0, SourcesRole, sources);
    item->setData(0, OriginRole, static_cast<int>(statement.origin));
    item->setData(0, RuleRole, toQt(statement.rule));
    decorate(item);
    return item;
}

void NoteEditor::decorate(QTreeWidgetItem* item)
{
    const auto origin = static_cast<Origin>(item->data(0, OriginRole).toInt());
    const QStringList sources = item->data(0, SourcesRole).toStringList();
    item->setText(1, chips(sources) + (origin == Origin::Therapist ? QStringLiteral(" · ") + originLabel(origin) : QString()));
    // Why the line is there, on request: the on-device engine's rule that wrote it.
    const QString rule = origin == Origin::Therapist ? QString() : item->data(0, RuleRole).toString();
    const QString why = rule.isEmpty() ? QString() : tr("written by the rule %1").arg(rule);
    item->setToolTip(0, why.isEmpty() ? originLabel(origin) : originLabel(origin) + QStringLiteral(" — ") + why);
    item->setData(0, Qt::AccessibleDescriptionRole,
                  originLabel(origin) + QStringLiteral("; ") +
                      tr("cites %1").arg(sources.isEmpty() ? tr("nothing") : sources.join(QStringLiteral(", "))) +
                      (why.isEmpty() ? QString() : QStringLiteral("; ") + why));
    QFont f = item->font(0);
    f.setItalic(origin == Origin::PreviousNote);
    item->setFont(0, f);
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_readOnly) flags |= Qt::ItemIsEditable;
    item->setFlags(flags);
}

void NoteEditor::updatePlaceholder(QTreeWidgetItem* section)
{
    bool hasStatement = false;
    for (int i = section->childCount() - 1; i >= 0; --i) {
        if (section->child(i)->data(0, PlaceholderRole).toBool()) delete section->takeChild(i);
        else hasStatement = true;
    }
    if (!hasStatement) {
        auto* placeholder = new QTreeWidgetItem({tr("Not discussed")});
        placeholder->setData(0, PlaceholderRole, true);
        placeholder->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        placeholder->setForeground(0, m_tree->palette().placeholderText());
        QFont f = placeholder->font(0);
        f.setItalic(true);
        placeholder->setFont(0, f);
        section->addChild(placeholder);
    }
}

QTreeWidgetItem* NoteEditor::currentStatement() const
{
    auto* item = m_tree->currentItem();
    return item && item->parent() && !item->data(0, PlaceholderRole).toBool() ? item : nullptr;
}

QTreeWidgetItem* NoteEditor::currentSection() const
{
    auto* item = m_tree->currentItem();
    if (!item) return nullptr;
    return item->parent() ? item->parent() : item;
}

void NoteEditor::updateButtons()
{
    auto* statement = currentStatement();
    const bool editable = !m_readOnly;
    m_add->setEnabled(editable && currentSection());
    m_delete->setEnabled(editable && statement);
    m_up->setEnabled(editable && statement && statement->parent()->indexOfChild(statement) > 0);
    m_down->setEnabled(editable && statement &&
                       statement->parent()->indexOfChild(statement) < statement->parent()->childCount() - 1);
    m_accept->setEnabled(editable && statement &&
                         static_cast<Origin>(statement->data(0, OriginRole).toInt()) == Origin::PreviousNote);
    m_playSources->setEnabled(statement && !statement->data(0, SourcesRole).toStringList().isEmpty());
    for (auto* b : {m_add, m_delete, m_up, m_down, m_accept}) b->setVisible(!m_readOnly);
}

std::vector<Statement> NoteEditor::statements(Section section) const
{
    std::vector<Statement> out;
    auto* item = sectionItem(section);
    for (int i = 0; i < item->childCount(); ++i) {
        auto* child = item->child(i);
        if (child->data(0, PlaceholderRole).toBool()) continue;
        Statement st;
        st.text = toStd(child->text(0).trimmed());
        for (const auto& s : child->data(0, SourcesRole).toStringList()) st.sources.push_back(toStd(s));
        st.origin = static_cast<Origin>(child->data(0, OriginRole).toInt());
        if (st.origin != Origin::Therapist) st.rule = toStd(child->data(0, RuleRole).toString());
        if (!st.text.empty()) out.push_back(std::move(st));
    }
    return out;
}

void NoteEditor::emitSection(QTreeWidgetItem* section)
{
    updatePlaceholder(section);
    updateButtons();
    const auto key = static_cast<Section>(section->data(0, SectionRole).toInt());
    auto now = statements(key);
    // What is on screen is now the draft: its echo from the vault must not rebuild the tree.
    if (m_draft) {
        if (now.empty()) m_draft->section(key).reset();
        else m_draft->section(key) = now;
        m_shown = core::notes::toJson(*m_draft).dump();
    }
    emit sectionEdited(key, now);
}

void NoteEditor::itemEdited(QTreeWidgetItem* item, int column)
{
    if (m_building || column != 0 || !item->parent()) return;
    m_building = true;
    if (item->text(0).trimmed().isEmpty()) {
        // An emptied statement is a deleted one.
        auto* section = item->parent();
        delete item;
        m_building = false;
        emitSection(section);
        return;
    }
    item->setData(0, OriginRole, static_cast<int>(Origin::Therapist));
    decorate(item);
    m_building = false;
    emitSection(item->parent());
}

void NoteEditor::addStatement()
{
    auto* section = currentSection();
    if (!section || m_readOnly) return;
    m_building = true;
    updatePlaceholder(section);
    auto* item = makeStatementItem({"", {}, Origin::Therapist});
    auto* current = currentStatement();
    section->insertChild(current ? section->indexOfChild(current) + 1 : section->childCount(), item);
    for (int i = section->childCount() - 1; i >= 0; --i)
        if (section->child(i)->data(0, PlaceholderRole).toBool()) delete section->takeChild(i);
    m_building = false;
    m_tree->setCurrentItem(item);
    m_tree->editItem(item, 0);  // saved when the edit is committed (itemEdited)
}

void NoteEditor::deleteStatement()
{
    auto* item = currentStatement();
    if (!item || m_readOnly) return;
    auto* section = item->parent();
    m_building = true;
    delete item;
    m_building = false;
    emitSection(section);
}

void NoteEditor::moveStatement(int delta)
{
    auto* item = currentStatement();
    if (!item || m_readOnly) return;
    auto* section = item->parent();
    const int from = section->indexOfChild(item);
    const int to = from + delta;
    if (to < 0 || to >= section->childCount()) return;
    m_building = true;
    section->takeChild(from);
    section->insertChild(to, item);
    m_building = false;
    m_tree->setCurrentItem(item);
    emitSection(section);
}

void NoteEditor::commitPendingEdit()
{
    if (static_cast<WrappingTree*>(m_tree)->isEditing()) m_tree->setCurrentItem(nullptr);
}

void NoteEditor::acceptSuggestion()
{
    auto* item = currentStatement();
    if (!item || m_readOnly || static_cast<Origin>(item->data(0, OriginRole).toInt()) != Origin::PreviousNote) return;
    m_building = true;
    item->setData(0, OriginRole, static_cast<int>(Origin::Therapist));
    decorate(item);
    m_building = false;
    emitSection(item->parent());
}

}  // namespace noteward::ui
