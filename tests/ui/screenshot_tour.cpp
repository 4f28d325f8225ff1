// Builds a demo vault through the application layer (a demo transcript, generated speech as
// its recording, a drafted session and an earlier signed one with an addendum), then opens the
// real main window on the display it is given (Xvfb in scripts/screenshots.sh), walks it to
// each screen the README shows and saves a screenshot of the window as the X server has it.
//   noteward_screenshot_tour --out DIR --transcript demo.json --wav speech.wav
#include "app/client_service.h"
#include "app/note_service.h"
#include "app/transcription_service.h"
#include "app/review_service.h"
#include "audio/recordings.h"
#include "main_window.h"
#include "voice_enroll_dialog.h"
#include "tool_support.h"
#include "note_editor.h"
#include "records/note_records.h"
#include "risk_panel.h"
#include "session_workspace.h"
#include "vault/vault.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <cstdlib>

using namespace noteward;
using namespace noteward::core;
using tools::die;
using tools::must;
using tools::waitFor;

namespace {
constexpr char kPassphrase[] = "demo passphrase for screenshots";


struct Demo {
    std::string draftSession;
    std::string signedSession;
    std::string heardSession;  // transcribed on the device, voices not yet named
};

Demo buildVault(const std::filesystem::path& dir, const QString& transcriptFile, const QString& wav)
{
    auto passphrase = crypto::SecretBytes(asBytes(kPassphrase));
    vault::VaultIdentity identity;
    identity.therapistName = "Dr Jordan Ellis";
    auto v = must(vault::Vault::create(dir, passphrase, identity), "create vault");
    app::ClientService clients(*v);
    model::Client main;
    main.name = "Alex Morgan";
    main.dateOfBirth = "1988-04-12";
    main.nhsNumber = "9434765919";
    main.contact.phone = "07700 900123";
    const std::string clientId = must(clients.add(main), "add client").id;
    for (const char* name : {"Priya Shah", "Tom Whitfield", "Grace O'Neill", "Samuel Adeyemi", "Hannah Kowalski",
                             "Ruth Bennett", "Owen Price"}) {
        model::Client c;
        c.name = name;
        must(clients.add(c), "add client");
    }
    QFile file(transcriptFile);
    if (!file.open(QIODevice::ReadOnly)) die("cannot read the demo transcript");
    auto transcript = must(notes::parseTranscript(file.readAll().toStdString()), "demo transcript");
    records::NoteRecords records(*v);
    app::ReviewService review(*v);

    // Last week's session: drafted, every flag decided, signed, with an addendum.
    Demo demo;
    model::Session earlier;
    earlier.clientId = clientId;
    earlier.startedAt = "2026-11-19T10:00:00.000Z";
    earlier.status = model::SessionStatus::Completed;
    demo.signedSession = must(v->sessions().add(earlier), "add session").id;
    must(records.storeTranscript(demo.signedSession, transcript, "import"), "store transcript");
    must(audio::Recordings(*v).importWav(demo.signedSession, wav.toStdString()), "import recording");
    const auto signedDraft = must(app::NoteService(*v).draftSession(demo.signedSession, "local"), "draft").draft;
    for (const auto& flag : signedDraft.risks)
        must(review.reviewRisk(demo.signedSession, flag.category, true,
                               std::string("Discussed; safety plan agreed and tablets handed to sister.")),
             "review");
    must(review.sign(demo.signedSession, &passphrase, false), "sign");
    must(review.addAddendum(demo.signedSession, "Sister confirmed by phone on 20 November that she holds the tablets."),
         "addendum");

    // Today's session: recorded and transcribed, drafted, not yet reviewed.
    model::Session today;
    today.clientId = clientId;
    today.startedAt = "2026-11-26T10:00:00.000Z";
    today.status = model::SessionStatus::InProgress;
    demo.draftSession = must(v->sessions().add(today), "add session").id;
    must(records.storeTranscript(demo.draftSession, transcript, "local"), "store transcript");
    must(audio::Recordings(*v).importWav(demo.draftSession, wav.toStdString()), "import recording");
    must(app::NoteService(*v).draftSession(demo.draftSession, "local"), "draft");

    // A recording transcribed here with no enrolled voice: Speaker 1 and Speaker 2 to name.
    model::Session heard;
    heard.clientId = clientId;
    heard.startedAt = "2026-11-26T14:00:00.000Z";
    heard.status = model::SessionStatus::InProgress;
    demo.heardSession = must(v->sessions().add(heard), "add session").id;
    must(audio::Recordings(*v).importWav(demo.heardSession, wav.toStdString()), "import recording");
    must(app::TranscriptionService(v.get()).transcribeSession(demo.heardSession, "local", {}), "transcribe");
    return demo;
}

void save(ui::MainWindow& window, const QString& dir, const char* name)
{
    QTest::qWait(300);  // let the last paint reach the X server
    const QPixmap shot = window.QWidget::screen()->grabWindow(window.winId());
    const QString path = dir + "/" + QString::fromLatin1(name);
    if (shot.isNull() || !shot.save(path)) die("could not save " + path.toStdString());
    std::printf("saved %s (%dx%d)\n", qPrintable(path), shot.width(), shot.height());
}
}  // namespace

int main(int argc, char** argv)
{
    tools::g_toolName = "screenshot tour";
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption outOption("out", "Folder for the PNGs.", "DIR");
    const QCommandLineOption transcriptOption("transcript", "Demo transcript JSON.", "FILE");
    const QCommandLineOption wavOption("wav", "Demo speech WAV.", "FILE");
    parser.addOptions({outOption, transcriptOption, wavOption});
    parser.process(app);
    if (!parser.isSet(outOption) || !parser.isSet(transcriptOption) || !parser.isSet(wavOption)) parser.showHelp(2);
    QDir().mkpath(parser.value(outOption));
    const QString out = parser.value(outOption);

    QTemporaryDir tmp;
    const std::filesystem::path dir = std::filesystem::path(tmp.path().toStdString()) / "vault";
    const Demo demo = buildVault(dir, parser.value(transcriptOption), parser.value(wavOption));

    ui::MainWindow window(dir, false);
    window.resize(1440, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) die("the window was not shown");
    auto* passphrase = window.findChild<QLineEdit*>("passphrase");
    passphrase->setText(QString::fromLatin1(kPassphrase));
    QTest::keyClick(passphrase, Qt::Key_Return);
    if (!waitFor([&] { return window.currentScreen() == ui::MainWindow::Screen::Clients; })) die("unlock failed");
    waitFor([&] { return window.findChild<QTreeWidget*>() != nullptr; }, 500);
    QTest::qWait(500);
    save(window, out, "client-list.png");

    // File → Enrol my voice…, before reading.
    for (auto* action : window.findChildren<QAction*>())
        if (action->text().contains("Enrol my")) action->trigger();
    auto* enrol = window.findChild<ui::VoiceEnrollDialog*>();
    if (!enrol) die("the voice dialog did not open");
    enrol->resize(640, enrol->sizeHint().height());
    waitFor([&] { return !enrol->findChild<QLabel*>("voiceStatus")->text().isEmpty(); });
    QTest::qWait(300);
    const QPixmap dialogShot = enrol->screen()->grabWindow(enrol->winId());
    if (dialogShot.isNull() || !dialogShot.save(out + "/voice-enrolment.png")) die("could not save the voice dialog");
    std::printf("saved %s/voice-enrolment.png\n", qPrintable(out));
    enrol->reject();

    // Voices told apart on the device, not yet named.
    window.openSession(demo.heardSession);
    if (!waitFor([&] { return window.workspace()->mode() == ui::SessionWorkspace::Mode::Transcript; }))
        die("the transcribed session was not shown");
    save(window, out, "name-voices.png");

    // Today's draft: a statement selected shows its source segments; the SI flag open.
    window.openSession(demo.draftSession);
    auto* workspace = window.workspace();
    if (!waitFor([&] { return workspace->mode() == ui::SessionWorkspace::Mode::Review; })) die("draft not shown");
    auto* risk = workspace->noteEditor()->sectionItem(notes::Section::RiskIssues);
    if (risk->childCount() > 0) workspace->noteEditor()->tree()->setCurrentItem(risk->child(0));
    workspace->riskPanel()->selectCategory(notes::RiskCategory::SuicidalIdeation);
    save(window, out, "session-workspace.png");

    // The gate: one flag decided, the others not; signing stays blocked and says why.
    const auto& flags = workspace->record()->draft->risks;
    if (!flags.empty()) {
        workspace->riskPanel()->selectCategory(flags.back().category);
        window.findChild<QLineEdit*>("riskReason")->setText("Avoidance of the team meeting discussed.");
        workspace->riskPanel()->confirmCurrent();
        waitFor([&] { return workspace->record()->review(flags.back().category) != nullptr; });
    }
    workspace->riskPanel()->selectCategory(notes::RiskCategory::SuicidalIdeation);
    window.findChild<QLineEdit*>("riskReason")->setText("Ideation with a method; no intent; safety plan agreed.");
    save(window, out, "risk-gate.png");

    // Last week's note: signed, verified, with its addendum.
    window.openSession(demo.signedSession);
    if (!waitFor([&] { return workspace->mode() == ui::SessionWorkspace::Mode::Signed; })) die("signed note not shown");
    QTest::qWait(800);  // the verification badge
    save(window, out, "signed-note.png");

    // Ctrl+L as the therapist presses it (the window must be the active one for shortcuts).
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) die("the window did not become active");
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_L));
    if (!waitFor([&] { return window.currentScreen() == ui::MainWindow::Screen::Unlock; }, 3000)) die("Ctrl+L did not lock");
    save(window, out, "lock-screen.png");
    return 0;
}
