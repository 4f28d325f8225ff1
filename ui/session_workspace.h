#pragma once

#include "app/session_record.h"

#include <QWidget>

#include <optional>
#include <string>

class QLabel;
class QSplitter;

namespace noteward::ui {

class MessageBanner;
class NoteEditor;
class Prompter;
class PlaybackController;
class RecordPanel;
class RecordingController;
class RiskPanel;
class SignOffPanel;
class TranscriptPanel;
class VaultWorker;

// One session: record, transcript, note, risk and sign-off as panes the therapist can
// resize. The workspace owns no data of its own beyond the last SessionRecord read on the
// vault thread; every change goes through the application layer there and is read back.
class SessionWorkspace : public QWidget {
    Q_OBJECT
public:
    // KeePassXC's explicit mode, derived from the record: what the toolbar, the menus and the
    // tests ask.
    enum class Mode { Empty, Record, Transcript, Review, Signed };

    SessionWorkspace(VaultWorker& worker, RecordingController& recording, QWidget* parent = nullptr);
    ~SessionWorkspace() override;

    void open(const std::string& sessionId);
    void reload();
    const std::string& sessionId() const { return m_sessionId; }
    Mode mode() const { return m_mode; }
    const std::optional<core::app::SessionRecord>& record() const { return m_record; }
    // Drops everything shown (at lock): no client data stays in widgets behind the lock screen.
    void clear();
    // Hands any text still in an open editor to the vault thread (called before locking).
    void commitPendingEdits();
    // A long job (transcription, drafting) is running.
    bool isBusy() const { return m_job != nullptr; }

    TranscriptPanel* transcriptPanel() const { return m_transcript; }
    NoteEditor* noteEditor() const { return m_note; }
    RiskPanel* riskPanel() const { return m_risk; }
    SignOffPanel* signOffPanel() const { return m_signOff; }
    RecordPanel* recordPanel() const { return m_recordPanel; }
    // Asks before work that replaces the therapist's (transcribing or drafting again).
    void setPrompter(Prompter* prompter) { m_prompter = prompter; }

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void modeChanged(Mode mode);
    void loaded();
    void back(const std::string& clientId);

private:
    void display(core::app::SessionRecord record);
    void transcribe();
    void draft();
    void cancelJob();
    void playFrom(double seconds);
    void playSegments(const QSet<QString>& ids);
    void verifySigned();

    VaultWorker& m_worker;
    RecordingController& m_recording;
    PlaybackController* m_playback;
    std::string m_sessionId;
    std::optional<core::app::SessionRecord> m_record;
    Mode m_mode = Mode::Empty;
    std::shared_ptr<std::atomic<bool>> m_job;
    Prompter* m_prompter = nullptr;
    MessageBanner* m_banner;
    QLabel* m_heading;
    RecordPanel* m_recordPanel;
    TranscriptPanel* m_transcript;
    NoteEditor* m_note;
    RiskPanel* m_risk;
    SignOffPanel* m_signOff;
    QSplitter* m_splitter;
    int m_loadGeneration = 0;
    bool m_sized = false;
};

}  // namespace noteward::ui
