#pragma once

#include "notes/draft.h"

#include <QSet>
#include <QWidget>

#include <optional>
#include <string>

class QCheckBox;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace noteward::ui {

// The seven-section note: statements under their section in the fixed order, each with its
// citations; a section with nothing in it says "Not discussed". Edit (F2), add (Insert),
// delete (Delete), reorder (Alt+Up/Down) and accept a suggestion from the last note; each
// change is handed over at once (sectionEdited) and saved as the therapist's, so nothing
// typed waits for a Save. Rejected candidates are listed apart, on request.
class NoteEditor : public QWidget {
    Q_OBJECT
public:
    enum Role { SourcesRole = Qt::UserRole + 1, OriginRole, SectionRole, PlaceholderRole, RuleRole };

    explicit NoteEditor(QWidget* parent = nullptr);

    // Rebuilt only when the draft differs from what is shown, so a save's echo does not move
    // the cursor.
    void setDraft(const std::optional<core::notes::Draft>& draft, bool readOnly);
    QTreeWidget* tree() const { return m_tree; }
    QTreeWidgetItem* sectionItem(core::notes::Section section) const;
    // Statements of a section as they are shown now (what sectionEdited would carry).
    std::vector<core::notes::Statement> statements(core::notes::Section section) const;

    void addStatement();
    void deleteStatement();
    void moveStatement(int delta);
    void acceptSuggestion();
    // Commits a statement being typed (before a lock drops the view): saved, not lost.
    void commitPendingEdit();

signals:
    void sectionEdited(core::notes::Section section, const std::vector<core::notes::Statement>& statements);
    void sourcesSelected(const QSet<QString>& segmentIds);
    void playSourcesRequested(const QSet<QString>& segmentIds);

private:
    void rebuild(const core::notes::Draft& draft);
    void itemEdited(QTreeWidgetItem* item, int column);
    void emitSection(QTreeWidgetItem* sectionItem);
    void updatePlaceholder(QTreeWidgetItem* sectionItem);
    void updateButtons();
    QTreeWidgetItem* currentStatement() const;
    QTreeWidgetItem* currentSection() const;
    QTreeWidgetItem* makeStatementItem(const core::notes::Statement& statement);
    void decorate(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
    QPushButton* m_add;
    QPushButton* m_delete;
    QPushButton* m_up;
    QPushButton* m_down;
    QPushButton* m_accept;
    QPushButton* m_playSources;
    QCheckBox* m_showRejected;
    QListWidget* m_rejected;
    std::optional<core::notes::Draft> m_draft;  // the draft as on screen, edits included
    std::string m_shown;                        // its JSON, to tell a save's echo from a change
    bool m_readOnly = false;
    bool m_building = false;
};

}  // namespace noteward::ui
