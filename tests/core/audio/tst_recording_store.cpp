// Recordings at rest: WAV in and out, and a stored stream that has been tampered with,
// reordered, cut short or opened by someone else is refused, never played as if whole.
#include "test_support.h"

#include "audio/recording_reader.h"
#include "audio/recordings.h"
#include "audio/wav_file.h"
#include "vault/database.h"

#include <QTest>

#include <cmath>

using namespace noteward;
using namespace noteward::core;

namespace {
// A WAV of a 440 Hz tone written by hand in the requested shape.
QByteArray toneWav(int rate, int channels, int bits, bool isFloat, double seconds)
{
    QByteArray data;
    const int frames = static_cast<int>(rate * seconds);
    for (int f = 0; f < frames; ++f) {
        const double v = 0.5 * std::sin(2 * M_PI * 440.0 * f / rate);
        for (int c = 0; c < channels; ++c) {
            if (isFloat) {
                const float x = static_cast<float>(v);
                data.append(reinterpret_cast<const char*>(&x), 4);
            } else if (bits == 8) {
                data.append(static_cast<char>(static_cast<int>(v * 127) + 128));
            } else {
                const auto s = static_cast<std::int32_t>(std::lround(v * ((1 << (bits - 1)) - 1)));
                for (int b = 0; b < bits / 8; ++b) data.append(static_cast<char>((s >> (8 * b)) & 0xff));
            }
        }
    }
    auto le = [](std::uint32_t v, int n) {
        QByteArray out;
        for (int i = 0; i < n; ++i) out.append(static_cast<char>((v >> (8 * i)) & 0xff));
        return out;
    };
    const int width = bits / 8;
    QByteArray wav = "RIFF" + le(static_cast<std::uint32_t>(36 + data.size()), 4) + "WAVEfmt " + le(16, 4) +
                     le(isFloat ? 3 : 1, 2) + le(static_cast<std::uint32_t>(channels), 2) + le(static_cast<std::uint32_t>(rate), 4) +
                     le(static_cast<std::uint32_t>(rate * channels * width), 4) + le(static_cast<std::uint32_t>(channels * width), 2) +
                     le(static_cast<std::uint32_t>(bits), 2) + "data" + le(static_cast<std::uint32_t>(data.size()), 4) + data;
    return wav;
}
}  // namespace

class TestRecordingStore : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;
    std::unique_ptr<vault::Vault> m_vault;
    std::string m_session;

    std::string importTone(int rate, int channels, int bits, bool isFloat, double seconds)
    {
        const auto file = m_tmp.path() / ("tone" + std::to_string(++m_count) + ".wav");
        test::writeFile(file, toneWav(rate, channels, bits, isFloat, seconds));
        auto imported = audio::Recordings(*m_vault).importWav(m_session, file);
        if (!imported) qFatal("import failed: %s", imported.error().message.c_str());
        return imported->recordingId;
    }

    core::Result<audio::RecordingSummary> exportTo(const char* name)
    {
        return audio::Recordings(*m_vault).exportWav(m_session, m_tmp.path() / name);
    }

private slots:
    void init()
    {
        m_vault = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count)));
        model::Client c;
        c.name = "Audio Client";
        const auto client = m_vault->clients().add(c).value();
        m_session = m_vault->sessions().add(test::session(client.id)).value().id;
    }
    void cleanup() { m_vault.reset(); }

    void importAnyCommonWavAndExport_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("isFloat");
        QTest::addColumn<int>("codecRate");
        QTest::newRow("16k mono 16-bit") << 16000 << 1 << 16 << false << 16000;
        QTest::newRow("44.1k stereo 16-bit") << 44100 << 2 << 16 << false << 16000;
        QTest::newRow("48k mono 24-bit") << 48000 << 1 << 24 << false << 48000;
        QTest::newRow("22.05k mono 8-bit") << 22050 << 1 << 8 << false << 16000;
        QTest::newRow("8k mono 32-bit") << 8000 << 1 << 32 << false << 8000;
        QTest::newRow("32k stereo float") << 32000 << 2 << 32 << true << 16000;
    }
    void importAnyCommonWavAndExport()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(int, bits);
        QFETCH(bool, isFloat);
        QFETCH(int, codecRate);
        importTone(rate, channels, bits, isFloat, 3.0);
        auto exported = exportTo("out.wav");
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
        QCOMPARE(exported->sampleRate, codecRate);
        QVERIFY(std::fabs(exported->seconds() - 3.0) < 0.03);  // within 1 %
        auto back = audio::readWav(m_tmp.path() / "out.wav");
        QVERIFY(back.ok());
        QCOMPARE(back->channels, 1);
        double energy = 0;
        for (float s : back->samples) energy += static_cast<double>(s) * s;
        const double rms = std::sqrt(energy / static_cast<double>(back->samples.size()));
        QVERIFY2(rms > 0.25 && rms < 0.45, qPrintable(QString::number(rms)));  // a 0.5-amplitude tone: 0.354
    }

    void badWavFilesAreRefused()
    {
        const auto file = m_tmp.path() / "bad.wav";
        for (const QByteArray& content : {QByteArray("not audio at all"), QByteArray("RIFF\x10\0\0\0WAVEfmt "),
                                          toneWav(16000, 3, 16, false, 0.1), toneWav(16000, 1, 12, false, 0.1)}) {
            test::writeFile(file, content);
            auto imported = audio::Recordings(*m_vault).importWav(m_session, file);
            QVERIFY(!imported.ok());
            QCOMPARE(imported.error().code, ErrorCode::InvalidInput);
            QVERIFY(QString::fromStdString(imported.error().message).contains("not a WAV file Noteward can read"));
        }
        QCOMPARE(audio::Recordings(*m_vault).importWav(m_session, m_tmp.path() / "missing.wav").error().code,
                 ErrorCode::NotFound);
    }

    void tamperedChunkIsDetected()
    {
        const auto id = importTone(16000, 1, 16, false, 4.0);
        m_vault->database().exec("UPDATE recording_chunks SET data = substr(data, 1, 20) || x'00' || substr(data, 22) "
                                 "WHERE recording_id = '" + id + "' AND idx = 1;");
        auto exported = exportTo("t.wav");
        QVERIFY(!exported.ok());
        QCOMPARE(exported.error().code, ErrorCode::Corrupt);
        QVERIFY(QString::fromStdString(exported.error().message).contains("chunk 1 fails authentication"));
        QVERIFY(!std::filesystem::exists(m_tmp.path() / "t.wav"));
    }

    void droppedChunkIsDetected()
    {
        const auto id = importTone(16000, 1, 16, false, 4.0);
        m_vault->database().exec("DELETE FROM recording_chunks WHERE recording_id = '" + id + "' AND idx = 2;");
        auto exported = exportTo("d.wav");
        QVERIFY(!exported.ok());
        QVERIFY(QString::fromStdString(exported.error().message).contains("chunk 2 is missing"));
    }

    void swappedChunksAreDetected()
    {
        const auto id = importTone(16000, 1, 16, false, 4.0);
        auto& db = m_vault->database();
        db.exec("UPDATE recording_chunks SET idx = 100 WHERE recording_id = '" + id + "' AND idx = 0;");
        db.exec("UPDATE recording_chunks SET idx = 0 WHERE recording_id = '" + id + "' AND idx = 1;");
        db.exec("UPDATE recording_chunks SET idx = 1 WHERE recording_id = '" + id + "' AND idx = 100;");
        auto exported = exportTo("s.wav");
        QVERIFY(!exported.ok());
        QVERIFY(QString::fromStdString(exported.error().message).contains("fails authentication"));
    }

    void truncatedCompleteRecordingIsDetected()
    {
        const auto id = importTone(16000, 1, 16, false, 4.0);
        auto& db = m_vault->database();
        const auto last = db.scalarInt("SELECT max(idx) FROM recording_chunks WHERE recording_id = '" + id + "';");
        db.exec("DELETE FROM recording_chunks WHERE recording_id = '" + id + "' AND idx = " + std::to_string(last) + ";");
        db.exec("UPDATE recordings SET chunk_count = chunk_count - 1 WHERE id = '" + id + "';");
        auto exported = exportTo("x.wav");
        QVERIFY(!exported.ok());
        QVERIFY(QString::fromStdString(exported.error().message).contains("truncated"));
    }

    void onlyTheTherapistWhoRecordedCanExport()
    {
        const auto id = importTone(16000, 1, 16, false, 1.0);
        m_vault->database().exec("PRAGMA foreign_keys = OFF;");
        m_vault->database().exec("UPDATE recordings SET recorded_by = 'someone-else' WHERE id = '" + id + "';");
        auto exported = exportTo("o.wav");
        QCOMPARE(exported.error().code, ErrorCode::Refused);
    }

    void unfinishedRecordingIsRecoveredAtUnlock()
    {
        const auto id = importTone(16000, 1, 16, false, 3.0);
        // As if the recorder died: still "recording", by a process that no longer exists.
        m_vault->database().exec("UPDATE recordings SET status = 'recording', recorder_pid = 999999 WHERE id = '" + id + "';");
        const auto dir = m_vault->directory();
        m_vault.reset();
        m_vault = test::openVault(dir);
        QCOMPARE(m_vault->database().scalarText("SELECT status FROM recordings WHERE id = '" + id + "';"),
                 std::string("recovered"));
        auto exported = exportTo("r.wav");
        QVERIFY(exported.ok());
        QVERIFY(std::fabs(exported->seconds() - 3.0) < 0.03);
        const auto entries = m_vault->auditEntries().value();
        QVERIFY(std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.action == "recording.recovered"; }));
    }
};

QTEST_GUILESS_MAIN(TestRecordingStore)
#include "tst_recording_store.moc"
