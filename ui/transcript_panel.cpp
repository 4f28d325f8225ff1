#include "transcript_panel.h"

#include "message_banner.h"
#include "transcript_model.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace noteward::ui {

namespace {
// The speaker column edits with a list of the labels a transcript may hold.
class SpeakerDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* box = new QComboBox(parent);
        box->setAccessibleName(TranscriptPanel::tr("Speaker"));
        for (const char* s : {"therapist", "client", "unknown"})
            box->addItem(TranscriptModel::speakerLabel(s), QString::fromLatin1(s));
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        auto* box = static_cast<QComboBox*>(editor);
        box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole))));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentData(), Qt::EditRole);
    }
};

// Enter plays from the current segment (F2 edits), as a media list does.
class SegmentView : public QTableView {
public:
    std::function<void()> onEnter;
    using QTableView::QTableView;
    bool isEditing() const { return state() == EditingState; }

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && state() != EditingState && onEnter) {
            onEnter();
            return;
        }
        QTableView::keyPressEvent(event);
    }
};
}  // namespace

TranscriptPanel::TranscriptPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new TranscriptModel(this)),
      m_view(new SegmentView(this)),
      m_transcribe(new QPushButton(tr("Transcribe"), this)),
      m_draft(new QPushButton(tr("Draft note"), this)),
      m_play(new QPushButton(tr("Play"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_original(new QCheckBox(tr("Show machine &original"), this)),
      m_progress(new QProgressBar(this)),
      m_progressLabel(new QLabel(this)),
      m_accuracy(new QLabel(this)),
      m_notice(new MessageBanner(this)),
      m_voices(new QWidget(this)),
      m_speaker1IsMe(new QPushButton(tr("Speaker 1 is me"), m_voices)),
      m_speaker2IsMe(new QPushButton(tr("Speaker 2 is me"), m_voices))
{
    setObjectName(QStringLiteral("transcriptPanel"));
    auto* title = new QLabel(tr("<b>Transcript</b>"), this);
    m_view->setObjectName(QStringLiteral("transcriptView"));
    m_view->setAccessibleName(tr("Transcript segments"));
    m_view->setAccessibleDescription(tr("Enter plays from the segment; F2 edits its text; Control+1, 2 and 0 set "
                                        "therapist, client or unknown."));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(TranscriptModel::Speaker, new SpeakerDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setWordWrap(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(TranscriptModel::Time, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TranscriptModel::Speaker, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TranscriptModel::Text, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(TranscriptModel::Original, QHeaderView::Stretch);
    // Rows as tall as their wrapped text: what a client said is read whole.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setColumnHidden(TranscriptModel::Original, true);
    static_cast<SegmentView*>(m_view)->onEnter = [this] { playCurrent(); };
    connect(m_view, &QTableView::doubleClicked, this, &TranscriptPanel::playCurrent);
    connect(m_original, &QCheckBox::toggled, this,
            [this](bool on) { m_view->setColumnHidden(TranscriptModel::Original, !on); });

    struct SpeakerAction {
        const char* key;
        QString label;
        Qt::Key shortcut;
    };
    for (const auto& a : {SpeakerAction{"therapist", tr("Set speaker: therapist"), Qt::Key_1},
                          SpeakerAction{"client", tr("Set speaker: client"), Qt::Key_2},
                          SpeakerAction{"unknown", tr("Set speaker: unknown"), Qt::Key_0}}) {
        auto* action = new QAction(a.label, m_view);
        action->setShortcut(QKeySequence(Qt::CTRL | a.shortcut));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString speaker = QString::fromLatin1(a.key);
        connect(action, &QAction::triggered, this, [this, speaker] { setSpeaker(speaker); });
        m_view->addAction(action);
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_transcribe->setObjectName(QStringLiteral("transcribeButton"));
    m_transcribe->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_draft->setObjectName(QStringLiteral("draftButton"));
    m_draft->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    for (auto* b : {m_transcribe, m_draft, m_play}) b->setToolTip(b->shortcut().toString(QKeySequence::NativeText));
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancel->hide();
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_progressLabel->hide();
    m_accuracy->setObjectName(QStringLiteral("accuracyNotice"));
    m_accuracy->setWordWrap(true);
    m_accuracy->setText(tr("The on-device transcriber is small: on test speech about three words in four are wrong. "
                           "Use the transcript as an index into the recording, and correct what the note relies on."));
    m_notice->setObjectName(QStringLiteral("transcriptNotice"));
    auto* voicesText = new QLabel(tr("Two voices were heard and marked Speaker 1 (who spoke first) and Speaker 2. "
                                     "Which one is you? Play a segment to check."),
                                  m_voices);
    voicesText->setWordWrap(true);
    m_voices->setObjectName(QStringLiteral("nameVoices"));
    m_speaker1IsMe->setObjectName(QStringLiteral("speaker1IsMe"));
    m_speaker2IsMe->setObjectName(QStringLiteral("speaker2IsMe"));
    m_speaker1IsMe->setToolTip(tr("Speaker 1's segments become yours (therapist), Speaker 2's the client's."));
    m_speaker2IsMe->setToolTip(tr("Speaker 2's segments become yours (therapist), Speaker 1's the client's."));
    connect(m_speaker1IsMe, &QPushButton::clicked, this, [this] { emit nameVoicesRequested(QStringLiteral("speaker_1")); });
    connect(m_speaker2IsMe, &QPushButton::clicked, this, [this] { emit nameVoicesRequested(QStringLiteral("speaker_2")); });
    auto* voicesRow = new QHBoxLayout(m_voices);
    voicesRow->setContentsMargins(0, 0, 0, 0);
    voicesRow->addWidget(voicesText, 1);
    voicesRow->addWidget(m_speaker1IsMe);
    voicesRow->addWidget(m_speaker2IsMe);
    m_voices->hide();
    connect(m_transcribe, &QPushButton::clicked, this, &TranscriptPanel::transcribeRequested);
    connect(m_draft, &QPushButton::clicked, this, &TranscriptPanel::draftRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TranscriptPanel::cancelRequested);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_playing) emit stopRequested();
        else playCurrent();
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch(1);
    buttons->addWidget(m_play);
    buttons->addWidget(m_transcribe);
    buttons->addWidget(m_draft);
    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progressLabel);
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(progress);
    layout->addWidget(m_notice);
    layout->addWidget(m_voices);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_original);
    layout->addWidget(m_accuracy);
}

void TranscriptPanel::setAvailability(bool hasRecording, bool hasTranscript, bool signedNote)
{
    m_transcribe->setEnabled(hasRecording && !signedNote);
    m_transcribe->setText(hasTranscript ? tr("Transcribe again") : tr("Transcribe"));
    m_transcribe->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));  // setText drops a custom shortcut
    m_draft->setEnabled(hasTranscript && !signedNote);
    m_play->setEnabled(hasRecording);
    m_model->setEditable(!signedNote);
}

void TranscriptPanel::showProgress(const QString& what, double fraction, bool cancellable)
{
    m_progressLabel->setText(what);
    m_progressLabel->show();
    m_progress->setRange(0, fraction < 0 ? 0 : 100);
    if (fraction >= 0) m_progress->setValue(static_cast<int>(fraction * 100));
    m_progress->show();
    m_cancel->setVisible(cancellable);
    m_transcribe->setEnabled(false);
    m_draft->setEnabled(false);
}

void TranscriptPanel::setNumberedVoices(bool unnamed) { m_voices->setVisible(unnamed); }

void TranscriptPanel::hideProgress()
{
    m_progress->hide();
    m_progressLabel->hide();
    m_cancel->hide();
}

void TranscriptPanel::setPlaying(bool playing)
{
    m_playing = playing;
    m_play->setText(playing ? tr("Stop playing") : tr("Play"));
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
}

void TranscriptPanel::showNotice(const QString& text)
{
    if (text.isEmpty()) m_notice->clearMessage();
    else m_notice->showMessage(text, MessageBanner::Kind::Warning);
}

void TranscriptPanel::highlight(const QSet<QString>& segmentIds)
{
    m_model->setHighlighted(segmentIds);
    for (const auto& id : segmentIds) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            m_view->scrollTo(m_model->index(row, TranscriptModel::Text), QAbstractItemView::PositionAtCenter);
            break;
        }
    }
}

void TranscriptPanel::focusSegment(const QString& segmentId)
{
    const int row = m_model->rowOf(segmentId);
    if (row < 0) return;
    m_view->setCurrentIndex(m_model->index(row, TranscriptModel::Text));
    m_view->setFocus();
}

void TranscriptPanel::commitPendingEdit()
{
    // Moving the current index makes the view hand the open editor's text to the model.
    if (static_cast<SegmentView*>(m_view)->isEditing()) m_view->setCurrentIndex(QModelIndex());
}

void TranscriptPanel::playCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const auto* segment = m_model->segmentAt(current.isValid() ? current.row() : 0);
    emit playRequested(segment ? static_cast<double>(segment->startMs) / 1000.0 : 0.0);
}

void TranscriptPanel::setSpeaker(const QString& speaker)
{
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows(TranscriptModel::Speaker))
        m_model->setData(row, speaker, Qt::EditRole);
}

}  // namespace noteward::ui
