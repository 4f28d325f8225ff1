#pragma once

#include <QSet>
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace noteward::ui {

class MessageBanner;
class TranscriptModel;

// The transcript pane: segments with time and speaker; Enter or a double-click plays from a
// segment; F2 edits its text; Ctrl+1 / Ctrl+2 / Ctrl+0 set therapist / client / unknown for
// the selected segments; transcription and drafting start here with progress and Cancel.
// When the two voices were told apart without an enrolled voice, a row asks which is the
// therapist's (one answer names every segment).
class TranscriptPanel : public QWidget {
    Q_OBJECT
public:
    explicit TranscriptPanel(QWidget* parent = nullptr);

    TranscriptModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Which actions make sense now (the workspace decides from the session record).
    void setAvailability(bool hasRecording, bool hasTranscript, bool signedNote);
    // A long job in progress: `what` says which; fraction < 0 for "busy, no figure". Cancel is
    // offered only for a job that can stop part-way.
    void showProgress(const QString& what, double fraction, bool cancellable = true);
    void hideProgress();
    void setPlaying(bool playing);
    void showNotice(const QString& text);
    void highlight(const QSet<QString>& segmentIds);
    void focusSegment(const QString& segmentId);
    // Commits a segment being edited (before a lock drops the view).
    void commitPendingEdit();
    // Two voices told apart but not named (no enrolled voice): ask once which is the therapist.
    void setNumberedVoices(bool unnamed);

signals:
    void transcribeRequested();
    void draftRequested();
    void cancelRequested();
    void playRequested(double fromSeconds);
    void stopRequested();
    // "speaker_1" or "speaker_2": that voice is the therapist's, the other the client's.
    void nameVoicesRequested(const QString& therapistLabel);

private:
    void playCurrent();
    void setSpeaker(const QString& speaker);

    TranscriptModel* m_model;
    QTableView* m_view;
    QPushButton* m_transcribe;
    QPushButton* m_draft;
    QPushButton* m_play;
    QPushButton* m_cancel;
    QCheckBox* m_original;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QLabel* m_accuracy;
    MessageBanner* m_notice;
    QWidget* m_voices;
    QPushButton* m_speaker1IsMe;
    QPushButton* m_speaker2IsMe;
    bool m_playing = false;
};

}  // namespace noteward::ui
