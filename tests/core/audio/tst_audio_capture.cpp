// Real PortAudio capture, as a therapist's laptop would do it, with espeak-ng speech as the
// "microphone": an ALSA `file` PCM plays a raw file into a `plug` PCM fixed at its rate,
// defined in an .asoundrc under a private HOME. Recorded through noteward-cli by device name,
// exported, and compared with the source.
#include "test_support.h"
#include "vault/vault_folder.h"

#include "audio/wav_file.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

using namespace noteward;
using namespace noteward::core;

namespace {
constexpr int kSourceRate = 22050;  // espeak-ng's own rate: not an Opus rate, so resampling is exercised
constexpr char kDialogue[] =
    "Hello, how has your week been? It has been a difficult week, I stayed at home most days. "
    "Did you manage to do the thought record we agreed? I did it on Tuesday and Thursday. "
    "Let us look at the evidence for that thought together. For next week I would like you to try "
    "going to the shop twice. In our next session we will review how that went.";

// 20 ms RMS envelope of mono samples.
std::vector<double> envelope(const std::vector<float>& samples, int rate, double seconds)
{
    const auto window = static_cast<std::size_t>(rate / 50);
    std::vector<double> out;
    const auto limit = std::min(samples.size(), static_cast<std::size_t>(seconds * rate));
    for (std::size_t at = 0; at + window <= limit; at += window) {
        double e = 0;
        for (std::size_t i = 0; i < window; ++i) e += static_cast<double>(samples[at + i]) * samples[at + i];
        out.push_back(std::sqrt(e / static_cast<double>(window)));
    }
    return out;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) ma += a[i], mb += b[i];
    ma /= static_cast<double>(n);
    mb /= static_cast<double>(n);
    double cov = 0, va = 0, vb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / std::sqrt(va * vb);
}
}  // namespace

class TestAudioCapture : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    QProcessEnvironment m_env;
    QString m_vault;
    QString m_session;
    audio::PcmAudio m_source;
    double m_sourceSeconds = 0;

    test::ProcessResult cli(QStringList args, int timeoutMs = 120000)
    {
        return test::runProgram(test::cliPath(), QStringList{"--vault", m_vault} + args, m_env, timeoutMs);
    }

    QString newSession()
    {
        const auto clients = QJsonDocument::fromJson(cli({"--json", "client", "list"}).out);
        return QString::fromUtf8(cli({"session", "new", "--client", clients[0].toObject()["id"].toString()}).out).trimmed();
    }

    // Writes speech.raw (repeated `times`) and the .asoundrc that plays it as a microphone.
    void prepareInput(int times)
    {
        const QString raw = QString::fromStdString((m_tmp.path() / "speech.raw").string());
        QStringList soxArgs = {QString::fromStdString((m_tmp.path() / "speech.wav").string()), "-t", "raw", "-e",
                               "signed", "-b", "16", "-c", "1", raw};
        if (times > 1) soxArgs << "repeat" << QString::number(times - 1);
        QCOMPARE(test::runProgram("sox", soxArgs).exitCode, 0);
        test::writeTestAlsaConfig(m_tmp.path(), raw, kSourceRate, QString::fromStdString((m_tmp.path() / "played.raw").string()));
    }

private slots:
    void initTestCase()
    {
        m_env = test::envWithPassphrase();
        m_env.insert("HOME", QString::fromStdString(m_tmp.path().string()));
        m_env.insert("TMPDIR", QString::fromStdString((m_tmp.path() / "tmp").string()));
        m_env.insert("JACK_NO_START_SERVER", "1");
        QDir().mkpath(QString::fromStdString((m_tmp.path() / "tmp").string()));
        const auto wav = QString::fromStdString((m_tmp.path() / "speech.wav").string());
        QCOMPARE(test::runProgram("espeak-ng", {"-v", "en-gb", "-s", "150", "-w", wav, kDialogue}).exitCode, 0);
        auto source = audio::readWav(wav.toStdString());
        QVERIFY(source.ok());
        QCOMPARE(source->sampleRate, kSourceRate);
        m_source = std::move(source.value());
        m_sourceSeconds = static_cast<double>(m_source.frames()) / kSourceRate;
        QVERIFY(m_sourceSeconds > 10);
        prepareInput(1);

        m_vault = QString::fromStdString((m_tmp.path() / "vault").string());
        QCOMPARE(cli({"init"}).exitCode, 0);
        QCOMPARE(cli({"client", "add", "--name", "Capture Client"}).exitCode, 0);
    }

    void devicesListsTheTestInput()
    {
        const auto r = cli({"--json", "devices"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("noteward_test"), r.out.constData());
    }

    void recordingNeedsConsent()
    {
        const QString session = newSession();
        const auto r = cli({"record", "--session", session, "--device", "noteward_test", "--seconds", "2"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("consent"));
        QCOMPARE(cli({"recording", "export", "--session", session, "--out", "/dev/null"}).exitCode, 1);
    }

    void unknownDeviceIsAClearError()
    {
        const QString session = newSession();
        const auto r = cli({"record", "--session", session, "--device", "no-such-microphone", "--seconds", "2", "--consent"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No input device called 'no-such-microphone'"), r.err.constData());
        QVERIFY(!r.err.contains("ALSA lib"));  // the audio stack's noise is kept off the user's screen
    }

    void recordedSpeechMatchesTheSource()
    {
        const QString session = newSession();
        const double seconds = std::floor(m_sourceSeconds);
        auto r = cli({"--json", "record", "--session", session, "--device", "noteward_test", "--seconds",
                      QString::number(seconds), "--consent"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary["dropped_frames"].toInt(), 0);

        const auto out = m_tmp.path() / "exported.wav";
        QCOMPARE(cli({"recording", "export", "--session", session, "--out", QString::fromStdString(out.string())}).exitCode, 0);
        auto exported = audio::readWav(out);
        QVERIFY(exported.ok());
        const double exportedSeconds = static_cast<double>(exported->frames()) / exported->sampleRate;
        QVERIFY2(std::fabs(exportedSeconds - seconds) / seconds < 0.01, qPrintable(QString::number(exportedSeconds)));

        const double r2 = correlation(envelope(m_source.samples, kSourceRate, seconds),
                                      envelope(exported->samples, exported->sampleRate, seconds));
        qInfo("energy-envelope correlation with the source: %.3f", r2);
        QVERIFY(r2 > 0.9);

        // Nothing in the clear: no temporary files, and no run of the source PCM in the vault.
        QVERIFY(QDir(QString::fromStdString((m_tmp.path() / "tmp").string())).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        const QByteArray raw = test::readFile(m_tmp.path() / "speech.raw");
        const QByteArray probe = raw.mid(raw.size() / 2, 64);
        for (const auto& entry : std::filesystem::directory_iterator(m_tmp.path() / "vault")) {
            QVERIFY(!test::readFile(entry.path()).contains(probe));
            QVERIFY2(vault::isVaultFileName(entry.path().filename().string()), entry.path().c_str());
        }
        QCOMPARE(cli({"audit", "verify"}).exitCode, 0);
        QVERIFY(cli({"audit", "list"}).out.contains("recording.consent_confirmed"));
    }

    void playbackFromAPositionMatchesTheRecording()
    {
        const QString session = newSession();
        QCOMPARE(cli({"record", "--session", session, "--device", "noteward_test", "--seconds", "8", "--consent"}).exitCode, 0);
        const auto out = m_tmp.path() / "whole.wav";
        QCOMPARE(cli({"recording", "export", "--session", session, "--out", QString::fromStdString(out.string())}).exitCode, 0);
        auto whole = audio::readWav(out);
        QVERIFY(whole.ok());
        QCOMPARE(whole->sampleRate, 16000);

        // Played into an ALSA file device, so what reached the "speaker" can be read back.
        std::filesystem::remove(m_tmp.path() / "played.raw");
        auto r = cli({"--json", "recording", "play", "--session", session, "--from", "3", "--device", "noteward_out"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object()["played_to_seconds"].toDouble() >= 7.9);
        const QByteArray played = test::readFile(m_tmp.path() / "played.raw");
        const auto* pcm = reinterpret_cast<const std::int16_t*>(played.constData());
        const std::size_t n = static_cast<std::size_t>(played.size()) / 2;
        QVERIFY2(n >= 5 * 16000, qPrintable(QString::number(n)));
        std::vector<float> heard(n);
        for (std::size_t i = 0; i < n; ++i) heard[i] = static_cast<float>(pcm[i]) / 32768.0f;
        const std::vector<float> expected(whole->samples.begin() + 3 * 16000, whole->samples.end());
        // The audio stack may add a few milliseconds of latency before the first sample: find
        // where the heard audio lines up, and require that to be within 100 ms of 3 s.
        double best = -1;
        std::size_t bestLag = 0;
        for (std::size_t lag = 0; lag <= 1600; lag += 40) {
            const std::vector<float> shifted(heard.begin() + static_cast<std::ptrdiff_t>(lag), heard.end());
            const double r2 = correlation(envelope(shifted, 16000, 4.5), envelope(expected, 16000, 4.5));
            if (r2 > best) best = r2, bestLag = lag;
        }
        qInfo("playback from 3 s: envelope correlation %.3f with the export from 3 s, %.1f ms late", best,
              static_cast<double>(bestLag) / 16.0);
        QVERIFY(best > 0.9);
    }

    void sigkillDuringRecordingKeepsCommittedAudio()
    {
        prepareInput(60);  // about 15 minutes of speech
        const QString session = newSession();
        QProcess recorder;
        recorder.setProcessEnvironment(m_env);
        recorder.setReadChannel(QProcess::StandardError);  // progress comes on stderr
        recorder.start(test::cliPath(), {"--vault", m_vault, "record", "--session", session, "--device", "noteward_test",
                                         "--seconds", "840", "--consent"});
        QVERIFY(recorder.waitForStarted());
        int stored = 0;
        QByteArray pending;
        while (stored < 20 && recorder.state() == QProcess::Running) {
            recorder.waitForReadyRead(10000);
            pending += recorder.readAllStandardError();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(newline);
                pending.remove(0, newline + 1);
                if (line.startsWith("stored ") && stored < 20) stored = line.mid(7).split(' ').first().toInt();
            }
        }
        QVERIFY2(recorder.state() == QProcess::Running, "the recording finished before it could be killed");
        recorder.kill();
        recorder.waitForFinished();
        qInfo("killed the recorder after %d s were stored", stored);
        QVERIFY(stored >= 20);

        // The next unlock closes it as "recovered", with what was committed.
        const auto out = m_tmp.path() / "recovered.wav";
        auto r = cli({"--json", "recording", "export", "--session", session, "--out", QString::fromStdString(out.string())});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary["status"].toString(), QString("recovered"));
        QVERIFY2(summary["seconds"].toDouble() >= stored - 1.0, r.out.constData());
        QCOMPARE(cli({"audit", "verify"}).exitCode, 0);
        QVERIFY(cli({"audit", "list"}).out.contains("recording.recovered"));
        prepareInput(1);
    }
};

QTEST_GUILESS_MAIN(TestAudioCapture)
#include "tst_audio_capture.moc"
