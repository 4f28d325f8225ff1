// The therapist's whole path through the real window, offscreen, on a real vault, with real
// PortAudio capture from an ALSA test microphone (a file PCM fed with espeak-ng speech,
// defined in an .asoundrc under a private HOME) and playback into a file PCM:
// record with consent → transcribe on the device → correct speakers and text → draft → edit a
// statement → the risk gate blocks signing → decide every flag → sign with the passphrase →
// read-only with a verified badge → addendum; and an idle lock in the middle of a recording,
// which keeps recording and finds it intact after unlock.
#include "app/note_service.h"
#include "app/recording_service.h"
#include "records/note_records.h"
#include "audio/recordings.h"
#include "idle_lock.h"
#include "main_window.h"
#include "message_banner.h"
#include "note_editor.h"
#include "prompter.h"
#include "recording_controller.h"
#include "risk_panel.h"
#include "session_workspace.h"
#include "sign_off_panel.h"
#include "transcript_model.h"
#include "transcript_panel.h"
#include "ui_test_support.h"
#include "unlock_page.h"
#include "vault_worker.h"
#include "voice_enroll_dialog.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QByteArray>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <atomic>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace noteward;
using ui::MainWindow;
using Mode = ui::SessionWorkspace::Mode;

namespace {
constexpr int kSourceRate = 22050;

// ALSA's file and null plugins deliver as fast as they are read, so the test microphone reads
// a FIFO that this thread fills at the speaking pace: 50 ms of speech every 50 ms, looped.
// The FIFO is held open for reading and writing (Linux), so it always has a writer: a reader
// that opens it (PortAudio probes every device, then opens the stream) never meets end of file,
// which ALSA's file plugin would turn into silence delivered as fast as it is read. While no
// one else reads, the pipe fills and later chunks are dropped (EAGAIN): the microphone "talks"
// to an empty room, as a real one would.
class PacedMicrophone {
public:
    PacedMicrophone(std::string fifo, QByteArray speech) : m_fifo(std::move(fifo)), m_speech(std::move(speech))
    {
        m_thread = std::thread([this] { run(); });
    }
    // A microphone that stops delivering (unplugged): nothing is written, the reader waits.
    void setSilent(bool silent) { m_silent = silent; }
    ~PacedMicrophone()
    {
        m_stop = true;
        m_thread.join();
    }

private:
    void run()
    {
        constexpr qsizetype kChunk = kSourceRate * 2 / 20;
        const int fd = ::open(m_fifo.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return;  // the capture tests then fail on silence, saying so
        qsizetype offset = 0;
        auto next = std::chrono::steady_clock::now();
        while (!m_stop) {
            if (m_silent) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                next = std::chrono::steady_clock::now();
                continue;
            }
            QByteArray chunk = m_speech.mid(offset % m_speech.size(), kChunk);
            if (chunk.size() < kChunk) chunk.append(QByteArray(kChunk - chunk.size(), '\0'));
            [[maybe_unused]] const auto written = ::write(fd, chunk.constData(), static_cast<size_t>(chunk.size()));
            offset += kChunk;
            next += std::chrono::milliseconds(50);
            std::this_thread::sleep_until(next);
        }
        ::close(fd);
    }

    std::string m_fifo;
    QByteArray m_speech;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_silent{false};
    std::thread m_thread;
};
constexpr char kSpeech[] =
    "Hello, how has your week been? It has been a difficult week. I stayed at home most days. "
    "Did you manage to do the thought record? I did it on Tuesday.";
}  // namespace

// Answers "quit while recording?" as the test says, and counts the questions.
class ScriptedPrompter : public ui::Prompter {
public:
    explicit ScriptedPrompter(bool answer, int* asked) : m_answer(answer), m_asked(asked) {}
    bool confirm(QWidget*, const QString&, const QString&) override
    {
        ++*m_asked;
        return m_answer;
    }

private:
    bool m_answer;
    int* m_asked;
};

class TestSessionWorkflow : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    std::filesystem::path m_vault;
    std::string m_client;
    std::unique_ptr<PacedMicrophone> m_microphone;

    std::filesystem::path played() const { return m_tmp.path() / "played.raw"; }

    void unlock(MainWindow& window)
    {
        auto* field = test::named<QLineEdit>(&window, "passphrase");
        QTRY_VERIFY(field->isEnabled());
        field->setText(QString::fromLatin1(test::kPassphrase));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.currentScreen() != MainWindow::Screen::Unlock, 15000);
    }

    // Clients → the client → a new session, as a therapist would get there.
    void newSessionThroughTheWindow(MainWindow& window)
    {
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Clients, 15000);
        auto* table = test::named<QTableView>(&window, "clientTable");
        QTRY_VERIFY(table->model()->rowCount() == 1 && table->currentIndex().isValid());
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE(window.currentScreen(), MainWindow::Screen::Client);
        QTRY_VERIFY(!test::named<QLabel>(&window, "clientPageName")->text().isEmpty());
        test::click(&window, "newSessionButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Session, 15000);
        QTRY_COMPARE(window.workspace()->mode(), Mode::Record);
    }

    void startRecording(MainWindow& window)
    {
        auto* device = test::named<QComboBox>(&window, "inputDevice");
        QTRY_VERIFY_WITH_TIMEOUT(device->count() > 1, 15000);
        QStringList names;
        for (int i = 0; i < device->count(); ++i) names << device->itemData(i).toString();
        QVERIFY2(device->findData("noteward_test") >= 0, qPrintable(names.join(", ")));
        device->setCurrentIndex(device->findData("noteward_test"));
        auto* record = test::named<QPushButton>(&window, "recordButton");
        QVERIFY(!record->isEnabled());  // not without consent
        test::named<QCheckBox>(&window, "consentCheck")->setChecked(true);
        test::click(&window, "recordButton");
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().status().running, 15000);
    }

    QStringList auditActions() { return test::auditActions(*test::openVault(m_vault)); }

private slots:
    void initTestCase()
    {
        const QString home = QString::fromStdString(m_tmp.path().string());
        qputenv("HOME", home.toUtf8());
        qputenv("JACK_NO_START_SERVER", "1");
        const QString wav = home + "/speech.wav";
        const QString raw = home + "/speech.raw";
        QCOMPARE(test::runProgram("espeak-ng", {"-v", "en-gb", "-s", "150", "-w", wav, kSpeech}).exitCode, 0);
        QCOMPARE(test::runProgram("sox", {wav, "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", raw}).exitCode, 0);
        const QString fifo = home + "/microphone.fifo";
        QCOMPARE(::mkfifo(fifo.toUtf8().constData(), 0600), 0);
        m_microphone = std::make_unique<PacedMicrophone>(fifo.toStdString(), test::readFile(raw.toStdString()));
        test::writeTestAlsaConfig(m_tmp.path(), fifo, kSourceRate, QString::fromStdString(played().string()), true);
        // A second microphone for the voice reading: a recorded minute of it, read from a plain
        // file. The FIFO's pace is not needed here, and a FIFO read that returns part of what
        // ALSA asked for leaves the rest silent, so under load the paced one delivers mostly
        // silence for a long capture.
        const QString reading = home + "/reading.raw";
        test::writeFile(reading.toStdString(), test::readFile(raw.toStdString()).repeated(8));
        QFile asoundrc(home + "/.asoundrc");
        QVERIFY(asoundrc.open(QIODevice::Append));
        asoundrc.write(QStringLiteral("pcm.noteward_reading_file {\n    type file\n    slave.pcm \"null\"\n"
                                      "    file \"/dev/null\"\n    infile \"%1\"\n    format \"raw\"\n}\n"
                                      "pcm.noteward_reading {\n    type plug\n"
                                      "    slave { pcm \"noteward_reading_file\" rate %2 channels 1 format S16_LE }\n}\n")
                           .arg(reading)
                           .arg(kSourceRate)
                           .toUtf8());

        m_vault = m_tmp.path() / "vault";
        auto vault = test::createVault(m_vault);
        core::model::Client c;
        c.name = "Morgan Reyes";
        m_client = vault->clients().add(c).value().id;
    }

    void cleanupTestCase() { m_microphone.reset(); }

    void recordTranscribeDraftReviewSign()
    {
        MainWindow window(m_vault, false);
        window.show();
        unlock(window);
        newSessionThroughTheWindow(window);
        if (QTest::currentTestFailed()) return;
        auto* workspace = window.workspace();

        // Record: consent, the test microphone, a live level, then stop.
        float loudest = 0;
        connect(&window.recording(), &ui::RecordingController::levelsChanged, this,
                [&] { loudest = std::max(loudest, window.recording().status().peak); });
        startRecording(window);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(test::named<QLabel>(&window, "recordingStatus")->text().contains("Recording"), true);
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().seconds() >= 6, 30000);
        QVERIFY(loudest > 0.05f);  // the meter saw speech, not silence
        test::click(&window, "stopButton");
        QTRY_VERIFY_WITH_TIMEOUT(!window.recording().isActive(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(workspace->record() && workspace->record()->recordingSeconds >= 5, 15000);

        // Transcribe on the device, with progress.
        auto* transcribe = test::named<QPushButton>(&window, "transcribeButton");
        QTRY_VERIFY(transcribe->isEnabled());
        transcribe->click();
        QVERIFY(test::named<QWidget>(&window, "jobProgress")->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(workspace->mode(), Mode::Transcript, 120000);
        auto* model = workspace->transcriptPanel()->model();
        QVERIFY(model->rowCount() >= 1);

        // Correct it as the therapist would: everyone the therapist (Ctrl+1 on all rows), then
        // the first segment is the client's words as heard.
        auto* view = test::named<QTableView>(&window, "transcriptView");
        view->setFocus();
        view->selectAll();
        QTest::keyClick(view, Qt::Key_1, Qt::ControlModifier);
        const QString disclosure = "I want to kill myself and I have pills saved up.";
        QVERIFY(model->setData(model->index(0, ui::TranscriptModel::Speaker), "client", Qt::EditRole));
        QVERIFY(model->setData(model->index(0, ui::TranscriptModel::Text), disclosure, Qt::EditRole));
        QTRY_VERIFY_WITH_TIMEOUT(workspace->record()->transcript->segments[0].text == disclosure.toStdString() &&
                                     workspace->record()->unlabelledSegments() == 0,
                                 15000);
        QVERIFY(workspace->record()->machineTranscript->segments[0].text != disclosure.toStdString());  // original kept

        // Draft on the device.
        test::click(&window, "draftButton");
        QTRY_COMPARE_WITH_TIMEOUT(workspace->mode(), Mode::Review, 60000);
        const auto draft = *workspace->record()->draft;  // a copy: the record is replaced at every reload
        const auto* si = draft.risk(core::notes::RiskCategory::SuicidalIdeation);
        QVERIFY(si);
        QVERIFY(si->status == core::notes::RiskStatus::Present);

        // The gate: signing is blocked while a flag has no decision, and says why.
        auto* sign = test::named<QPushButton>(&window, "signButton");
        auto* passphrase = test::named<QLineEdit>(&window, "signPassphrase");
        QVERIFY(!passphrase->isEnabled());
        QVERIFY(!sign->isEnabled());
        QVERIFY(test::named<QLabel>(&window, "signBlockers")->text().contains("Suicidal ideation"));
        QVERIFY(test::named<QLabel>(&window, "riskGate")->text().contains("Suicidal ideation"));
        // The risk panel lists all seven categories, with the quote that shows the disclosure.
        auto* riskTree = test::named<QTreeWidget>(&window, "riskTree");
        QCOMPARE(riskTree->topLevelItemCount(), 7);
        auto* siItem = workspace->riskPanel()->categoryItem(core::notes::RiskCategory::SuicidalIdeation);
        QVERIFY(siItem->childCount() >= 1);
        QVERIFY(siItem->child(0)->text(0).contains("kill myself"));
        // Drafted on the device: the panel says what its risk reading misses.
        auto* caveat = test::named<QLabel>(&window, "riskCaveat");
        QVERIFY(caveat->isVisible());
        QVERIFY(caveat->text().contains("does not mean nothing was said"));

        // Edit a statement: it becomes the therapist's, and is saved without a Save.
        auto* editor = workspace->noteEditor();
        QTreeWidgetItem* statement = nullptr;
        for (int s = 0; s < editor->tree()->topLevelItemCount() && !statement; ++s) {
            auto* section = editor->tree()->topLevelItem(s);
            for (int i = 0; i < section->childCount(); ++i)
                if (!section->child(i)->data(0, ui::NoteEditor::PlaceholderRole).toBool()) {
                    statement = section->child(i);
                    break;
                }
        }
        QVERIFY(statement);
        const auto sectionKey = static_cast<core::notes::Section>(statement->parent()->data(0, ui::NoteEditor::SectionRole).toInt());
        statement->setText(0, "Client disclosed suicidal thoughts and has pills saved up; safety plan agreed.");
        QTRY_VERIFY_WITH_TIMEOUT(workspace->record()->draft->section(sectionKey) &&
                                     workspace->record()->draft->section(sectionKey)->front().origin ==
                                         core::notes::Origin::Therapist,
                                 15000);

        // Decide every flag: the dismissal needs a reason; confirmation of SI with a note.
        auto* panel = workspace->riskPanel();
        auto* reason = test::named<QLineEdit>(&window, "riskReason");
        for (const auto& flag : draft.risks) {
            panel->selectCategory(flag.category);
            reason->setText("Discussed in session; safety plan agreed.");
            test::click(&window, "confirmRiskButton");
            QTRY_VERIFY2_WITH_TIMEOUT(workspace->record()->review(flag.category) != nullptr,
                                      qPrintable(QString::fromStdString(std::string(core::notes::toKey(flag.category))) + ": " +
                                                 test::named<QLabel>(&window, "workspaceBanner")->text() + " / " +
                                                 test::named<QLabel>(&window, "riskHint")->text()),
                                      15000);
        }
        // Not assessed by the engine: the therapist sets it with a note.
        panel->selectCategory(core::notes::RiskCategory::AllianceRupture);
        if (!workspace->record()->draft->risk(core::notes::RiskCategory::AllianceRupture)) {
            QVERIFY(!test::named<QPushButton>(&window, "assessRiskButton")->isEnabled());  // a note first
            reason->setText("Good rapport throughout.");
            auto* status = test::named<QComboBox>(&window, "assessStatus");
            status->setCurrentIndex(status->findData(static_cast<int>(core::notes::RiskStatus::Denied)));
            test::click(&window, "assessRiskButton");
            QTRY_VERIFY(workspace->record()->review(core::notes::RiskCategory::AllianceRupture) != nullptr);
        }
        QTRY_VERIFY(passphrase->isEnabled());

        // Sign: a wrong passphrase is refused in place; the right one signs.
        passphrase->setText("not my passphrase");
        test::click(&window, "signButton");
        auto* signError = test::named<ui::MessageBanner>(&window, "signError");
        QTRY_VERIFY_WITH_TIMEOUT(signError->isVisible(), 15000);
        QCOMPARE(workspace->mode(), Mode::Review);
        passphrase->setText(QString::fromLatin1(test::kPassphrase));
        test::click(&window, "signButton");
        QTRY_COMPARE_WITH_TIMEOUT(workspace->mode(), Mode::Signed, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(test::named<QLabel>(&window, "verifiedBadge")->text().contains("Verified"), 15000);
        // The first signature made the signing key: its fingerprint is shown to be kept apart.
        auto* keySheet = test::named<ui::MessageBanner>(&window, "workspaceBanner");
        QVERIFY(keySheet->isVisible());
        QVERIFY(keySheet->text().contains("first signature"));
        QVERIFY(!caveat->isVisible());  // signed: the decisions are the clinician's

        // Read-only: nothing in the note or the transcript can be edited.
        QVERIFY(!(editor->tree()->topLevelItem(0)->child(0)->flags() & Qt::ItemIsEditable));
        QVERIFY(!model->setData(model->index(0, ui::TranscriptModel::Text), "changed", Qt::EditRole));
        QVERIFY(!test::named<QPushButton>(&window, "draftButton")->isEnabled());

        // An addendum, signed and listed beneath.
        test::named<QPlainTextEdit>(&window, "addendumText")->setPlainText("Client phoned on Friday; safety plan in place.");
        test::click(&window, "addAddendumButton");
        QTRY_COMPARE_WITH_TIMEOUT(test::named<QListWidget>(&window, "addendaList")->count(), 1, 15000);
        QVERIFY(test::named<QListWidget>(&window, "addendaList")->item(0)->text().contains("safety plan"));
        QTRY_VERIFY_WITH_TIMEOUT(test::named<QLabel>(&window, "verifiedBadge")->text().contains("Verified"), 15000);

        // Enter on a segment plays the recording from there (into the file PCM).
        std::filesystem::remove(played());
        view->setFocus();
        view->setCurrentIndex(model->index(0, ui::TranscriptModel::Text));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(played()) && std::filesystem::file_size(played()) > 16000, 15000);
        test::click(&window, "playButton");  // now "Stop playing"

        window.close();
        const QStringList actions = auditActions();
        QVERIFY(actions.contains(QString::fromStdString(core::app::RecordingService::consentAuditAction())));
        QVERIFY(actions.contains("recording.consent_confirmed"));
        QVERIFY(actions.contains("transcript.corrected"));
        QVERIFY(actions.contains("draft.edited"));
        QVERIFY(actions.contains("risk.confirmed"));
        QVERIFY(actions.contains("vault.passphrase_reentry_failed"));
        QVERIFY(actions.contains("note.signed"));
        QVERIFY(actions.contains("note.addendum"));
    }

    void lockWhileTypingKeepsTheText()
    {
        std::string session;
        {
            auto vault = test::openVault(m_vault);
            session = vault->sessions().add(test::session(m_client)).value().id;
            auto transcript = core::notes::parseTranscript(test::readFixture("transcripts/full_session.json"));
            QVERIFY(core::records::NoteRecords(*vault).storeTranscript(session, transcript.value()).ok());
            QVERIFY(core::app::NoteService(*vault).draftSession(session, "local").ok());
        }
        MainWindow window(m_vault, false);
        window.show();
        unlock(window);
        window.openSession(session);
        auto* editor = window.workspace()->noteEditor();
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->mode(), Mode::Review, 15000);
        auto* section = editor->sectionItem(core::notes::Section::NextSteps);
        editor->tree()->setCurrentItem(section);
        editor->tree()->setFocus();
        QTest::keyClick(editor->tree(), Qt::Key_Insert);  // a new statement, its editor open
        auto* field = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(field);
        QTest::keyClicks(field, "Review the safety plan with the GP");
        // Locked mid-sentence: the text is saved before the vault is dropped.
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(window.currentScreen(), MainWindow::Screen::Unlock);
        window.close();

        auto vault = test::openVault(m_vault);
        auto draft = core::records::NoteRecords(*vault).currentDraft(session);
        QVERIFY(draft.ok());
        const auto& next = draft->section(core::notes::Section::NextSteps);
        QVERIFY(next.has_value());
        QVERIFY(std::any_of(next->begin(), next->end(), [](const core::notes::Statement& st) {
            return st.text == "Review the safety plan with the GP" && st.origin == core::notes::Origin::Therapist;
        }));
    }

    // Voices told apart without an enrolled voice: one answer names them all, and every
    // drafted line says which rule wrote it.
    void numberedVoicesAreNamedOnceAndRulesAreShown()
    {
        std::string session;
        {
            auto vault = test::openVault(m_vault);
            session = vault->sessions().add(test::session(m_client)).value().id;
            auto transcript = core::notes::parseTranscript(test::readFixture("transcripts/full_session.json")).value();
            for (auto& seg : transcript.segments) seg.speaker = seg.speaker == "therapist" ? "speaker_2" : "speaker_1";
            QVERIFY(core::records::NoteRecords(*vault).storeTranscript(session, transcript).ok());
        }
        MainWindow window(m_vault, false);
        window.show();
        unlock(window);
        window.openSession(session);
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->mode(), Mode::Transcript, 15000);
        auto* row = test::named<QWidget>(&window, "nameVoices");
        QTRY_VERIFY_WITH_TIMEOUT(row->isVisible(), 5000);
        test::click(&window, "speaker2IsMe");
        QTRY_VERIFY_WITH_TIMEOUT(!row->isVisible(), 15000);
        auto* model = window.workspace()->findChild<ui::TranscriptPanel*>()->model();
        QCOMPARE(model->data(model->index(0, ui::TranscriptModel::Speaker), Qt::EditRole).toString(), QString("therapist"));
        QCOMPARE(model->data(model->index(1, ui::TranscriptModel::Speaker), Qt::EditRole).toString(), QString("client"));

        test::click(&window, "draftButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->mode(), Mode::Review, 30000);
        auto* editor = window.workspace()->noteEditor();
        auto* homework = editor->sectionItem(core::notes::Section::HomeworkGiven);
        QVERIFY(homework->childCount() > 0);
        QVERIFY2(homework->child(0)->toolTip(0).contains("homework_given."), qPrintable(homework->child(0)->toolTip(0)));
        QVERIFY(homework->child(0)->data(0, Qt::AccessibleDescriptionRole).toString().contains("rule"));
        window.close();
        auto vault = test::openVault(m_vault);
        QVERIFY(test::auditActions(*vault).contains("transcript.speakers_named"));
    }

    // File → Enrol my voice: a reading captured through PortAudio (from the test microphone
    // that plays a recorded reading) becomes a voice model in the vault, and can be deleted
    // again; both audited.
    void voiceIsEnrolledFromTheMicrophoneAndDeleted()
    {
        MainWindow window(m_vault, false);
        window.show();
        unlock(window);
        QAction* enrol = nullptr;
        for (auto* action : window.findChildren<QAction*>())
            if (action->text().contains("Enrol my")) enrol = action;
        QVERIFY(enrol && enrol->isEnabled());
        enrol->trigger();
        auto* dialog = window.findChild<ui::VoiceEnrollDialog*>();
        QVERIFY(dialog);
        dialog->setSeconds(40);
        auto* status = test::named<QLabel>(dialog, "voiceStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("No voice is enrolled"), 15000);
        auto* device = test::named<QComboBox>(dialog, "voiceDevice");
        QTRY_VERIFY_WITH_TIMEOUT(device->findData("noteward_reading") >= 0, 15000);
        device->setCurrentIndex(device->findData("noteward_reading"));
        test::click(dialog, "startReading");
        auto* banner = test::named<ui::MessageBanner>(dialog, "voiceBanner");
        QTRY_VERIFY_WITH_TIMEOUT(!banner->text().isEmpty(), 90000);
        QVERIFY2(banner->text().contains("enrolled"), qPrintable(banner->text()));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("Your voice is enrolled"), 15000);
        test::click(dialog, "forgetVoice");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("No voice is enrolled"), 15000);
        window.close();
        const QStringList actions = auditActions();
        QVERIFY(actions.contains("voice.enrolled"));
        QVERIFY(actions.contains("voice.forgotten"));
    }

    void idleLockDuringRecordingKeepsRecording()
    {
        MainWindow window(m_vault, false);
        window.show();
        unlock(window);
        newSessionThroughTheWindow(window);
        if (QTest::currentTestFailed()) return;
        const std::string session = window.workspace()->sessionId();
        startRecording(window);
        if (QTest::currentTestFailed()) return;
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().seconds() >= 1, 15000);

        window.idleLock()->setInterval(100);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Unlock, 5000);
        QVERIFY(!window.worker().isOpen());
        QVERIFY(window.workspace()->record() == std::nullopt);  // nothing of the session behind the lock
        auto* notice = test::named<QLabel>(&window, "lockRecordingNotice");
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains("recording"));
        const double atLock = window.recording().seconds();
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().seconds() >= atLock + 3, 30000);  // still capturing
        QVERIFY(window.recording().isActive());

        // The microphone stops delivering: a banner says so (seen after unlock), the recording
        // goes on when it comes back.
        m_microphone->setSilent(true);
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().isStalled(), 10000);
        m_microphone->setSilent(false);
        QTRY_VERIFY_WITH_TIMEOUT(!window.recording().isStalled(), 10000);
        m_microphone->setSilent(true);
        QTRY_VERIFY_WITH_TIMEOUT(window.recording().isStalled(), 10000);

        window.idleLock()->setInterval(10 * 60 * 1000);
        unlock(window);
        auto* banner = test::named<ui::MessageBanner>(&window, "recordBanner");
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->text().contains("stopped delivering"));
        m_microphone->setSilent(false);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);

        // Closing the window while recording asks first; "no" keeps it open and recording.
        int asked = 0;
        window.setPrompter(std::make_unique<ScriptedPrompter>(false, &asked));
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.recording().isActive());
        // Back in the recording session's workspace; stop there.
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Session, 15000);
        QCOMPARE(window.workspace()->sessionId(), session);
        test::click(&window, "stopButton");
        QTRY_VERIFY_WITH_TIMEOUT(!window.recording().isActive(), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(window.workspace()->record() && window.workspace()->record()->recordingSeconds >= atLock + 3,
                                  qPrintable(QString("%1 s recorded, %2 at lock; %3")
                                                 .arg(window.workspace()->record() ? window.workspace()->record()->recordingSeconds : -1)
                                                 .arg(atLock)
                                                 .arg(test::named<QLabel>(&window, "recordBanner")->text())),
                                  15000);
        window.close();

        auto vault = test::openVault(m_vault);
        auto summary = core::audio::Recordings(*vault).latest(session);
        QVERIFY(summary.ok());
        QCOMPARE(QString::fromStdString(summary->status), QString("complete"));
        QVERIFY(summary->seconds() >= atLock + 3);
        QCOMPARE(summary->droppedFrames, std::int64_t(0));
    }
};

QTEST_MAIN(TestSessionWorkflow)
#include "tst_session_workflow.moc"
