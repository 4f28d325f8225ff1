#include "session_workspace.h"

#include "app/note_service.h"
#include "app/review_service.h"
#include "app/transcription_service.h"
#include "message_banner.h"
#include "note_editor.h"
#include "playback_controller.h"
#include "prompter.h"
#include "qt_text.h"
#include "record_panel.h"
#include "recording_controller.h"
#include "risk_panel.h"
#include "session_table_model.h"
#include "sign_off_panel.h"
#include "transcript_model.h"
#include "transcript_panel.h"
#include "vault_worker.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace noteward::ui {

using core::Result;
using core::app::ReviewService;
using core::app::SessionRecord;
using core::vault::Vault;

namespace {
// "Done" from the vault thread for jobs that return nothing worth showing.
struct Done {};
}  // namespace

SessionWorkspace::SessionWorkspace(VaultWorker& worker, RecordingController& recording, QWidget* parent)
    : QWidget(parent),
      m_worker(worker),
      m_recording(recording),
      m_playback(new PlaybackController(worker, this)),
      m_banner(new MessageBanner(this)),
      m_heading(new QLabel(this)),
      m_recordPanel(new RecordPanel(recording, this)),
      m_transcript(new TranscriptPanel(this)),
      m_note(new NoteEditor(this)),
      m_risk(new RiskPanel(this)),
      m_signOff(new SignOffPanel(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("sessionWorkspace"));
    auto* banner = m_banner;
    banner->setObjectName(QStringLiteral("workspaceBanner"));
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setObjectName(QStringLiteral("workspaceHeading"));
    auto* backButton = new QPushButton(tr("← Client"), this);
    backButton->setObjectName(QStringLiteral("backToClient"));
    backButton->setAccessibleName(tr("Back to the client"));
    backButton->setShortcut(QKeySequence::Back);
    connect(backButton, &QPushButton::clicked, this, [this] {
        if (m_record) emit back(m_record->session.clientId);
    });

    auto* right = new QSplitter(Qt::Vertical, m_splitter);
    m_splitter->addWidget(m_transcript);
    m_splitter->addWidget(m_note);
    right->addWidget(m_risk);
    // The sign-off panel grows with every undecided flag and addendum: it scrolls rather than
    // letting its lines be squeezed over one another when the window is short.
    auto* signOffScroll = new QScrollArea(right);
    signOffScroll->setWidget(m_signOff);
    signOffScroll->setWidgetResizable(true);
    signOffScroll->setFrameShape(QFrame::NoFrame);
    right->addWidget(signOffScroll);
    right->setChildrenCollapsible(false);
    m_splitter->addWidget(right);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));

    auto* head = new QHBoxLayout;
    head->addWidget(backButton);
    head->addWidget(m_heading, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(banner);
    layout->addWidget(m_recordPanel);
    layout->addWidget(m_splitter, 1);

    auto fail = [banner](const core::Error& error) { banner->showMessage(toQt(error.message)); };
    // Every change: run on the vault thread through the application layer, then read back.
    auto change = [this, banner, fail](std::function<Result<void>(ReviewService&)> job) {
        const std::string id = m_sessionId;
        m_worker.run<Done>(
            this,
            [id, job](Vault& vault) -> Result<Done> {
                ReviewService service(vault);
                if (auto done = job(service); !done) return done.error();
                return Done{};
            },
            [this, banner, fail](Result<Done> done) {
                if (!done) fail(done.error());
                else banner->clearMessage();
                reload();
            });
    };

    connect(m_transcript->model(), &TranscriptModel::correctionRequested, this,
            [this, change](const QString& segment, const std::optional<QString>& text, const std::optional<QString>& speaker) {
                const std::string id = m_sessionId;
                const std::optional<std::string> t = text ? std::optional<std::string>(toStd(*text)) : std::nullopt;
                const std::optional<std::string> s = speaker ? std::optional<std::string>(toStd(*speaker)) : std::nullopt;
                change([id, seg = toStd(segment), t, s](ReviewService& r) { return r.correctSegment(id, seg, t, s); });
            });
    connect(m_transcript, &TranscriptPanel::nameVoicesRequested, this, [this, change](const QString& label) {
        const std::string id = m_sessionId;
        change([id, label = toStd(label)](ReviewService& r) -> Result<void> {
            if (auto named = r.nameSpeakers(id, label); !named) return named.error();
            return core::Ok{};
        });
    });
    connect(m_note, &NoteEditor::sectionEdited, this,
            [this, change](core::notes::Section section, const std::vector<core::notes::Statement>& statements) {
                const std::string id = m_sessionId;
                change([id, section, statements](ReviewService& r) { return r.replaceSection(id, section, statements); });
            });
    connect(m_note, &NoteEditor::sourcesSelected, m_transcript, &TranscriptPanel::highlight);
    connect(m_note, &NoteEditor::playSourcesRequested, this, &SessionWorkspace::playSegments);
    connect(m_risk, &RiskPanel::reviewRequested, this,
            [this, change](core::notes::RiskCategory c, bool confirm, const std::optional<std::string>& reason) {
                const std::string id = m_sessionId;
                change([id, c, confirm, reason](ReviewService& r) { return r.reviewRisk(id, c, confirm, reason); });
            });
    connect(m_risk, &RiskPanel::assessRequested, this,
            [this, change](core::notes::RiskCategory c, core::notes::RiskStatus status, const std::string& note) {
                const std::string id = m_sessionId;
                change([id, c, status, note](ReviewService& r) { return r.assessRisk(id, c, status, note); });
            });
    connect(m_risk, &RiskPanel::segmentSelected, this, [this](const QString& id) { m_transcript->highlight({id}); });
    connect(m_risk, &RiskPanel::segmentActivated, this, [this](const QString& id) { playSegments({id}); });
    connect(m_signOff, &SignOffPanel::signRequested, this,
            [this](std::shared_ptr<core::crypto::SecretBytes> passphrase, bool speakersReviewed) {
                m_signOff->setBusy(true);
                m_signOff->showError({});
                m_worker.run<core::app::SignOutcome>(
                    this,
                    [id = m_sessionId, passphrase, speakersReviewed](Vault& vault) {
                        return ReviewService(vault).sign(id, passphrase.get(), speakersReviewed);
                    },
                    [this](Result<core::app::SignOutcome> outcome) {
                        m_signOff->setBusy(false);
                        if (!outcome) m_signOff->showError(toQt(outcome.error().message));
                        else if (outcome->firstSignature)
                            // The key sheet: a copy of the fingerprint kept away from this computer
                            // is what later shows that the key in the vault was not swapped.
                            m_banner->showMessage(
                                tr("This was your first signature, so Noteward made your signing key. Its fingerprint "
                                   "is %1. Write it down or print it and keep it away from this computer: the "
                                   "verified badge shows the fingerprint of the key in the vault, and if they ever "
                                   "differ, the key was replaced.")
                                    .arg(toQt(outcome->signingKeyFingerprint)),
                                MessageBanner::Kind::Information);
                        reload();
                    });
            });
    connect(m_signOff, &SignOffPanel::addendumRequested, this, [this](const QString& text) {
        m_signOff->setBusy(true);
        m_worker.run<core::vault::StoredAddendum>(
            this, [id = m_sessionId, t = toStd(text)](Vault& vault) { return ReviewService(vault).addAddendum(id, t); },
            [this](Result<core::vault::StoredAddendum> added) {
                m_signOff->setBusy(false);
                if (!added) m_signOff->showError(toQt(added.error().message));
                else {
                    m_signOff->showError({});
                    m_signOff->clearAddendum();
                }
                reload();
            });
    });
    connect(m_transcript, &TranscriptPanel::transcribeRequested, this, &SessionWorkspace::transcribe);
    connect(m_transcript, &TranscriptPanel::draftRequested, this, &SessionWorkspace::draft);
    connect(m_transcript, &TranscriptPanel::cancelRequested, this, &SessionWorkspace::cancelJob);
    connect(m_transcript, &TranscriptPanel::playRequested, this, &SessionWorkspace::playFrom);
    connect(m_transcript, &TranscriptPanel::stopRequested, m_playback, &PlaybackController::stop);
    connect(m_playback, &PlaybackController::playingChanged, m_transcript, &TranscriptPanel::setPlaying);
    connect(m_playback, &PlaybackController::failed, this, [banner](const QString& m) { banner->showMessage(m); });
    connect(&m_recording, &RecordingController::finished, this, [this](const std::string& session, const QString&) {
        if (session == m_sessionId) reload();
    });
}

SessionWorkspace::~SessionWorkspace()
{
    if (m_job) m_job->store(true);
}

void SessionWorkspace::open(const std::string& sessionId)
{
    if (sessionId != m_sessionId) {
        clear();
        m_sessionId = sessionId;
        m_recordPanel->loadDevices();
    }
    reload();
}

void SessionWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_sized) return;
    // Transcript, note and risk share the width 3 : 4 : 3 at first; the therapist's own
    // resizing is kept from then on.
    m_sized = true;
    const int width = m_splitter->width();
    m_splitter->setSizes({width * 3 / 10, width * 4 / 10, width * 3 / 10});
}

void SessionWorkspace::commitPendingEdits()
{
    m_note->commitPendingEdit();
    m_transcript->commitPendingEdit();
}

void SessionWorkspace::reload()
{
    if (m_sessionId.empty() || !m_worker.isOpen()) return;
    const int generation = ++m_loadGeneration;
    m_worker.run<SessionRecord>(
        this, [id = m_sessionId](Vault& vault) { return ReviewService(vault).load(id); },
        [this, generation](Result<SessionRecord> record) {
            if (generation != m_loadGeneration) return;
            if (!record) {
                m_banner->showMessage(toQt(record.error().message));
                return;
            }
            display(std::move(record.value()));
        });
}

void SessionWorkspace::display(SessionRecord record)
{
    const bool isSigned = record.signedNote.has_value();
    m_heading->setText(isSigned ? tr("%1 — session of %2 — signed %3")
                                      .arg(toQt(record.client.name), localDateTime(record.session.startedAt),
                                           localDateTime(record.signedNote->signedAt))
                                : tr("%1 — session of %2").arg(toQt(record.client.name), localDateTime(record.session.startedAt)));
    m_recordPanel->setSession(m_sessionId, record.recordingSeconds);
    m_recordPanel->setVisible(!isSigned);  // a signed session is a record, not a place to work
    m_transcript->model()->setTranscript(record.transcript, record.machineTranscript);
    if (!m_job) m_transcript->setAvailability(record.recordingSeconds > 0, record.transcript.has_value(), isSigned);
    // Offered only when both voices were heard: one voice named "me" would leave no client,
    // and the risk reading with nothing to read.
    const auto heard = [&](const char* label) {
        return record.transcript && std::any_of(record.transcript->segments.begin(), record.transcript->segments.end(),
                                                [&](const core::notes::Segment& s) { return s.speaker == label; });
    };
    const bool numbered = heard("speaker_1") && heard("speaker_2");
    m_transcript->setNumberedVoices(numbered && !isSigned);
    m_note->setDraft(record.draft, isSigned);
    m_risk->setRecord(record);
    m_signOff->setRecord(record);
    const Mode mode = isSigned ? Mode::Signed : record.draft ? Mode::Review : record.transcript ? Mode::Transcript : Mode::Record;
    m_record = std::move(record);
    if (isSigned) verifySigned();
    if (mode != m_mode) {
        m_mode = mode;
        emit modeChanged(mode);
    }
    emit loaded();
}

void SessionWorkspace::verifySigned()
{
    const std::string id = m_sessionId;
    m_worker.run<core::records::NoteVerification>(
        this, [id](Vault& vault) { return ReviewService(vault).verify(id); },
        [this, id](Result<core::records::NoteVerification> v) {
            if (id != m_sessionId) return;  // another session is showing now
            if (!v) {
                m_signOff->setVerification(false, toQt(v.error().message));
                return;
            }
            QStringList problems;
            for (const auto& p : v->problems) problems << toQt(p);
            m_signOff->setVerification(v->ok(), v->ok() ? tr("Key %1.").arg(toQt(v->signingKeyFingerprint))
                                                        : problems.join(QStringLiteral("; ")));
        });
}

void SessionWorkspace::transcribe()
{
    if (m_job || m_sessionId.empty()) return;
    if (m_record && m_record->transcript && m_prompter &&
        !m_prompter->confirm(this, tr("Transcribe again"),
                             tr("Transcribe this session again? The transcript, your corrections and the current "
                                "draft with its risk decisions are replaced.")))
        return;
    m_job = m_worker.newCancelToken();
    auto progress = std::make_shared<std::atomic<double>>(0.0);
    // The transcriber reports on the vault thread; the GUI reads the figure on its own timer,
    // so nothing crosses threads but one atomic.
    auto* poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, progress] {
        m_transcript->showProgress(tr("Transcribing on this device…"), progress->load());
    });
    poll->start();
    m_transcript->showProgress(tr("Transcribing on this device…"), 0);
    auto token = m_job;
    m_worker.run<core::notes::Transcript>(
        this,
        [id = m_sessionId, token, progress](Vault& vault) {
            core::speech::TranscribeControl control;
            control.cancel = token.get();
            control.progress = [progress](double f) { progress->store(f); };
            return core::app::TranscriptionService(&vault).transcribeSession(id, "local", control);
        },
        [this, poll](Result<core::notes::Transcript> transcript) {
            poll->deleteLater();
            m_job.reset();
            m_transcript->hideProgress();
            if (!transcript)
                m_transcript->showNotice(core::speech::isCancelled(transcript.error()) ? tr("Transcription cancelled; "
                                                                                             "nothing was changed.")
                                                                                       : toQt(transcript.error().message));
            else m_transcript->showNotice({});
            reload();
        });
}

void SessionWorkspace::draft()
{
    if (m_job || m_sessionId.empty()) return;
    if (m_record && m_record->draft && m_prompter &&
        !m_prompter->confirm(this, tr("Draft again"),
                             tr("Draft the note again? Your edits and the risk decisions on the current draft are "
                                "replaced.")))
        return;
    m_job = m_worker.newCancelToken();
    // The on-device engine drafts an hour in a tenth of a second: nothing to cancel. The token
    // still reaches a hosted engine, whose requests a lock abandons.
    m_transcript->showProgress(tr("Drafting the note…"), -1, false);
    m_worker.run<core::app::DraftOutcome>(
        this,
        [id = m_sessionId, token = m_job](Vault& vault) {
            return core::app::NoteService(vault).draftSession(id, "local", token);
        },
        [this](Result<core::app::DraftOutcome> outcome) {
            m_job.reset();
            m_transcript->hideProgress();
            if (!outcome) m_transcript->showNotice(toQt(outcome.error().message));
            else {
                QStringList notices;
                for (const auto& n : outcome->notices) notices << toQt(n);
                m_transcript->showNotice(notices.join(QLatin1Char('\n')));
            }
            reload();
        });
}

void SessionWorkspace::cancelJob()
{
    if (m_job) m_job->store(true);
}

void SessionWorkspace::playFrom(double seconds)
{
    if (!m_sessionId.empty()) m_playback->play(m_sessionId, seconds);
}

void SessionWorkspace::playSegments(const QSet<QString>& ids)
{
    if (!m_record || !m_record->transcript) return;
    std::optional<std::int64_t> start;
    for (const auto& s : m_record->transcript->segments)
        if (ids.contains(toQt(s.id)) && (!start || s.startMs < *start)) start = s.startMs;
    if (!start) return;
    m_transcript->highlight(ids);
    playFrom(static_cast<double>(*start) / 1000.0);
}

void SessionWorkspace::clear()
{
    if (m_job) m_job->store(true);
    ++m_loadGeneration;
    m_playback->stop();
    m_sessionId.clear();
    m_record.reset();
    m_transcript->model()->setTranscript(std::nullopt, std::nullopt);
    m_note->setDraft(std::nullopt, true);
    m_risk->setRecord(SessionRecord{});
    m_signOff->setRecord(SessionRecord{});
    m_heading->clear();
    m_banner->clearMessage();
    m_transcript->showNotice({});
    m_transcript->hideProgress();
    m_mode = Mode::Empty;
}

}  // namespace noteward::ui
