// Figures for the desktop app, printed, never asserted (a noisy machine must not fail a test):
//   start        construction of the real window to the unlock page painted
//   clients      unlock pressed to a painted list of 10,000 clients
//   stall        the longest gap of a 5 ms event-loop probe while the vault thread transcribes a
//                10-minute recording and while it drafts a 60-minute transcript
//   memory       resident set size with a 60-minute session open in the workspace
//   noteward_bench_ui --wav SPEECH.wav --transcript SESSION.json [--minutes-audio 10] [--minutes-text 60]
// The WAV is repeated to the audio length; the transcript's segments are repeated (new ids,
// shifted times) to the text length.
#include "app/client_service.h"
#include "audio/recordings.h"
#include "audio/wav_file.h"
#include "clients_page.h"
#include "client_table_model.h"
#include "main_window.h"
#include "tool_support.h"
#include "records/note_records.h"
#include "session_workspace.h"
#include "transcript_model.h"
#include "transcript_panel.h"
#include "vault/vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <fstream>

using namespace noteward;
using namespace noteward::core;
using tools::die;
using tools::must;
using tools::waitFor;

namespace {
constexpr char kPassphrase[] = "benchmark passphrase, not a secret";


long statusKb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field) + 1));
    return -1;
}

// The largest gap between ticks of a 5 ms timer: how long the GUI thread could not react.
class StallProbe : public QObject {
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return static_cast<double>(m_worst) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_worst = 0;
};

notes::Transcript repeated(const notes::Transcript& base, double minutes)
{
    notes::Transcript out;
    const std::int64_t span = base.segments.back().endMs + 1000;
    const auto target = static_cast<std::int64_t>(minutes * 60000);
    for (std::int64_t offset = 0, n = 0; offset < target; offset += span)
        for (const auto& s : base.segments) {
            notes::Segment c = s;
            c.id = "s" + std::to_string(++n);
            c.startMs += offset;
            c.endMs += offset;
            out.segments.push_back(std::move(c));
        }
    return out;
}

void unlock(ui::MainWindow& window)
{
    auto* field = window.findChild<QLineEdit*>("passphrase");
    field->setText(QString::fromLatin1(kPassphrase));
    QTest::keyClick(field, Qt::Key_Return);
}
}  // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    tools::g_toolName = "bench ui";
    QApplication app(argc, argv);
    const qint64 appReady = sinceMain.elapsed();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as it is measured
    QCommandLineParser parser;
    const QCommandLineOption wavOption("wav", "Speech WAV (repeated to the audio length).", "FILE");
    const QCommandLineOption transcriptOption("transcript", "Transcript JSON (repeated to the text length).", "FILE");
    const QCommandLineOption audioMinutes("minutes-audio", "Recording length to transcribe.", "MIN", "10");
    const QCommandLineOption textMinutes("minutes-text", "Transcript length to draft.", "MIN", "60");
    parser.addOptions({wavOption, transcriptOption, audioMinutes, textMinutes});
    parser.process(app);
    if (!parser.isSet(wavOption) || !parser.isSet(transcriptOption)) parser.showHelp(2);

    QTemporaryDir tmp;
    const std::filesystem::path dir = std::filesystem::path(tmp.path().toStdString()) / "vault";
    std::string audioSession, textSession;
    {
        auto v = must(vault::Vault::create(dir, crypto::SecretBytes(asBytes(kPassphrase))), "create");
        std::vector<model::Client> many;
        for (int i = 0; i < 10000; ++i) {
            model::Client c;
            c.name = "Client " + std::to_string(100000 + i);
            many.push_back(std::move(c));
        }
        auto added = must(v->clients().addAll(std::move(many)), "add clients");
        app::ClientService clients(*v);
        audioSession = must(clients.newSession(added.front().id), "session").id;
        textSession = must(clients.newSession(added.front().id), "session").id;

        // The recording: the speech repeated to the wanted length.
        auto speech = must(audio::readWav(parser.value(wavOption).toStdString()), "read wav");
        audio::PcmAudio longer = speech;
        const auto wanted = static_cast<std::size_t>(parser.value(audioMinutes).toDouble() * 60 * speech.sampleRate * speech.channels);
        longer.samples.clear();
        while (longer.samples.size() < wanted)
            longer.samples.insert(longer.samples.end(), speech.samples.begin(), speech.samples.end());
        longer.samples.resize(wanted);
        const auto wav = std::filesystem::path(tmp.path().toStdString()) / "long.wav";
        if (longer.channels != 1) die("the speech WAV must be mono");
        must(audio::writeWavMono16(wav, longer.sampleRate, longer.samples), "write wav");
        must(audio::Recordings(*v).importWav(audioSession, wav), "import");

        QFile file(parser.value(transcriptOption));
        if (!file.open(QIODevice::ReadOnly)) die("cannot read the transcript");
        const auto base = must(notes::parseTranscript(file.readAll().toStdString()), "transcript");
        must(records::NoteRecords(*v).storeTranscript(textSession, repeated(base, parser.value(textMinutes).toDouble())),
             "store transcript");
    }
    std::printf("bench ui (%s audio, %s min transcript)\n", qPrintable(parser.value(audioMinutes)),
                qPrintable(parser.value(textMinutes)));

    QElapsedTimer t;
    t.start();
    ui::MainWindow window(dir, false);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) die("window not shown");
    window.repaint();
    std::printf("  start: unlock page on screen %lld ms after main (QApplication %lld ms, window %lld ms; "
                "shared-library loading before main not included)\n",
                static_cast<long long>(appReady + t.elapsed()), static_cast<long long>(appReady),
                static_cast<long long>(t.elapsed()));

    t.restart();
    unlock(window);
    auto* model = window.clientsPage()->model();
    if (!waitFor([&] { return model->rowCount() == 10000; }, 60000)) die("client list not filled");
    window.repaint();
    std::printf("  clients: unlock pressed to 10,000 clients painted in %lld ms (Argon2id included)\n",
                static_cast<long long>(t.elapsed()));

    StallProbe probe;
    auto* workspace = window.workspace();
    window.openSession(audioSession);
    if (!waitFor([&] { return workspace->record() && workspace->record()->session.id == audioSession; }, 60000))
        die("session not loaded");
    t.restart();
    probe.start();
    window.findChild<QPushButton*>("transcribeButton")->click();
    if (!waitFor([&] { return workspace->mode() == ui::SessionWorkspace::Mode::Transcript && !workspace->isBusy(); },
                 30 * 60000))
        die("transcription did not finish");
    std::printf("  stall: longest GUI-thread gap while transcribing %s min: %.1f ms (transcription took %.1f s)\n",
                qPrintable(parser.value(audioMinutes)), probe.stopMs(), static_cast<double>(t.elapsed()) / 1000);

    window.openSession(textSession);
    if (!waitFor([&] { return workspace->record() && workspace->record()->session.id == textSession; }, 60000))
        die("long session not loaded");
    t.restart();
    probe.start();
    window.findChild<QPushButton*>("draftButton")->click();
    if (!waitFor([&] { return workspace->mode() == ui::SessionWorkspace::Mode::Review && !workspace->isBusy(); }, 30 * 60000))
        die("drafting did not finish");
    const double draftStall = probe.stopMs();
    std::printf("  stall: longest GUI-thread gap while drafting a %s min transcript (%d segments): %.1f ms "
                "(drafting and showing took %lld ms)\n",
                qPrintable(parser.value(textMinutes)), workspace->transcriptPanel()->model()->rowCount(), draftStall,
                static_cast<long long>(t.elapsed()));
    QTest::qWait(500);
    std::printf("  memory: %.1f MB resident with the %s min session open (peak %.1f MB)\n",
                static_cast<double>(statusKb("VmRSS")) / 1024, qPrintable(parser.value(textMinutes)),
                static_cast<double>(statusKb("VmHWM")) / 1024);
    return 0;
}
