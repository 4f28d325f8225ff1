// Telling therapist from client on the device: espeak-ng two-voice dialogues (voices the
// diarizer was tuned on, and voices it never saw), the enrolled voice through real PortAudio
// capture and the vault, the numbered voices named by the therapist, and the scoring itself.
#include "dialogue_synthesis.h"
#include "test_support.h"

#include "app/review_service.h"
#include "app/voice_service.h"
#include "audio/wav_file.h"
#include "speech/diarization_scoring.h"
#include "speech/diarizer.h"
#include "speech/speech_audio.h"
#include "vault/vault.h"
#include "vault/voice_profile_repository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace noteward;
using namespace noteward::core;

namespace {
notes::Transcript fixture(const char* name)
{
    std::ifstream in(test::fixturePath(name).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    auto t = notes::parseTranscript(text.str());
    if (!t) qFatal("fixture %s: %s", name, t.error().message.c_str());
    return t.value();
}

std::vector<notes::Segment> asSegments(const speech::Diarization& d)
{
    std::vector<notes::Segment> out;
    for (const auto& t : d.turns) out.push_back({"", t.startMs, t.endMs, t.speaker, ""});
    return out;
}
}  // namespace

class TestDiarization : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;

    struct Dialogue {
        speech::SpeechAudio audio;
        speech::SpeechAudio enrollment;
        notes::Transcript reference;
    };

    Dialogue make(const char* name, const test::VoicePair& voices)
    {
        Dialogue d;
        const auto script = fixture("transcripts/full_session.json");
        const auto made = test::synthesiseDialogue(m_tmp.path(), name, script, voices, {});
        if (!made) qFatal("%s", made.error().message.c_str());
        d.audio = speech::speechAudioFromWav(m_tmp / (std::string(name) + ".wav").c_str()).value();
        d.enrollment = speech::speechAudioFromWav(m_tmp / (std::string(name) + ".enroll.wav").c_str()).value();
        std::ifstream in(m_tmp / (std::string(name) + ".json").c_str());
        std::stringstream text;
        text << in.rdbuf();
        d.reference = notes::parseTranscript(text.str()).value();
        return d;
    }

    void checkDialogue(const Dialogue& d, const char* what)
    {
        auto profile = speech::enrollVoice(d.enrollment);
        QVERIFY2(profile.ok(), profile.ok() ? "" : profile.error().message.c_str());

        const auto enrolled = speech::diarizeAudio(d.audio, &profile.value());
        QCOMPARE(enrolled.outcome.naming, speech::DiarizationOutcome::Naming::Roles);
        QVERIFY(!enrolled.outcome.oneVoice);
        const auto withProfile = speech::scoreDiarization(d.reference.segments, asSegments(enrolled));
        qInfo("%s: %.1f %% of speech mislabelled with enrollment, %.1f %% unattributed", what,
              withProfile.mislabelledShare() * 100, withProfile.unattributedShare() * 100);
        QVERIFY2(withProfile.mislabelledShare() <= 0.15, what);
        QVERIFY(withProfile.unattributedShare() <= 0.1);

        const auto plain = speech::diarizeAudio(d.audio, nullptr);
        QCOMPARE(plain.outcome.naming, speech::DiarizationOutcome::Naming::Numbered);
        for (const auto& t : plain.turns) QVERIFY(t.speaker == "speaker_1" || t.speaker == "speaker_2" || t.speaker == "unknown");
        const auto withoutProfile = speech::scoreDiarization(d.reference.segments, asSegments(plain));
        qInfo("%s: %.1f %% mislabelled without enrollment (best mapping)", what, withoutProfile.mislabelledShare() * 100);
        QVERIFY2(withoutProfile.mislabelledShare() <= 0.2, what);

        // A hosted recogniser's segments (here the reference turns) labelled by overlap: most
        // get the right voice, and a wrong one is rare.
        auto segments = d.reference.segments;
        for (auto& s : segments) s.speaker = "unknown";
        speech::labelSegments(enrolled, segments);
        int right = 0, wrong = 0;
        for (std::size_t i = 0; i < segments.size(); ++i) {
            if (segments[i].speaker == d.reference.segments[i].speaker) ++right;
            else if (segments[i].speaker != "unknown") ++wrong;
        }
        QVERIFY2(right >= static_cast<int>(segments.size() * 7 / 10), what);
        QVERIFY2(wrong <= 2, what);
    }

private slots:
    void initTestCase()
    {
        qputenv("HOME", QByteArray::fromStdString(m_tmp.path().string()));
        qputenv("JACK_NO_START_SERVER", "1");
    }

    void twoVoicesToldApartWithTuningVoices() { checkDialogue(make("tuning", test::tuningVoicePairs()[0]), "tuning voices"); }

    void twoVoicesToldApartWithVoicesNeverTunedOn()
    {
        checkDialogue(make("heldout", test::heldOutVoicePairs()[1]), "held-out voices");
    }

    void sameAudioSameLabels()
    {
        const auto d = make("repeat", test::heldOutVoicePairs()[0]);
        const auto a = speech::diarizeAudio(d.audio, nullptr);
        const auto b = speech::diarizeAudio(d.audio, nullptr);
        QCOMPARE(a.turns.size(), b.turns.size());
        for (std::size_t i = 0; i < a.turns.size(); ++i) {
            QCOMPARE(a.turns[i].startMs, b.turns[i].startMs);
            QCOMPARE(a.turns[i].speaker, b.turns[i].speaker);
        }
    }

    void silenceAndTooShortAReadingAreRefused()
    {
        speech::SpeechAudio silence;
        silence.samples.assign(16000 * 5, 0.0f);
        const auto d = speech::diarizeAudio(silence, nullptr);
        QCOMPARE(d.outcome.naming, speech::DiarizationOutcome::Naming::None);
        QVERIFY(d.turns.empty());

        const auto wav = m_tmp / "short.wav";
        QCOMPARE(test::runProgram("espeak-ng", {"-v", "en-gb", "-w", QString::fromStdString(wav.string()),
                                                "Hello, this is too short."})
                     .exitCode,
                 0);
        auto profile = speech::enrollVoice(speech::speechAudioFromWav(wav).value());
        QVERIFY(!profile.ok());
        QVERIFY2(profile.error().message.find("read aloud for about 30 seconds") != std::string::npos,
                 profile.error().message.c_str());
    }

    void profileSurvivesJsonAndCorruptOnesAreRefused()
    {
        const auto d = make("json", test::tuningVoicePairs()[1]);
        auto profile = speech::enrollVoice(d.enrollment);
        QVERIFY(profile.ok());
        auto back = speech::VoiceProfile::fromJson(nlohmann::json::parse(profile->toJson().dump()));
        QVERIFY(back.ok());
        std::vector<float> frame(speech::VoiceModel::kFrameDims, 0.5f);
        QCOMPARE(back->model.logLikelihood(frame.data()), profile->model.logLikelihood(frame.data()));

        auto json = profile->toJson();
        json["version"] = 99;
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        json = profile->toJson();
        json["model"]["spectrum"]["variances"][0] = -1.0;
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        json = profile->toJson();
        json["model"]["pitch"]["means"].push_back(1.0);
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        QVERIFY(!speech::VoiceProfile::fromJson(nlohmann::json::array()).ok());
        // Wrong types and values EM never makes are refused, not thrown or scored.
        json = profile->toJson();
        json["version"] = "1";
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        json = profile->toJson();
        json["model"]["spectrum"]["variances"][0] = 1e-300;
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        json = profile->toJson();
        json["model"]["spectrum"]["weights"][0] = 5.0;
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
        json = profile->toJson();
        for (auto& w : json["model"]["pitch"]["weights"]) w = 0.1;
        QVERIFY(!speech::VoiceProfile::fromJson(json).ok());
    }

    void scoringMapsNumberedVoicesButNotRoles()
    {
        const std::vector<notes::Segment> ref = {{"a", 0, 1000, "therapist", ""}, {"b", 1000, 2000, "client", ""}};
        const auto numbered = speech::scoreDiarization(ref, {{"", 0, 1000, "speaker_2", ""}, {"", 1000, 2000, "speaker_1", ""}});
        QCOMPARE(numbered.mislabelledShare(), 0.0);
        const auto swapped = speech::scoreDiarization(ref, {{"", 0, 1000, "client", ""}, {"", 1000, 2000, "therapist", ""}});
        QVERIFY(swapped.mislabelledShare() > 0.99);
        const auto half = speech::scoreDiarization(ref, {{"", 0, 1000, "therapist", ""}, {"", 1000, 2000, "unknown", ""}});
        QVERIFY(std::abs(half.unattributedShare() - 0.5) < 0.01);
        QCOMPARE(half.mislabelledShare(), 0.0);
    }

    // The whole path a therapist takes: read the passage into a real (ALSA file) microphone,
    // the voice model is stored in the vault, a recorded session is transcribed with therapist
    // and client labels; without enrollment the two voices are numbered and named afterwards.
    void enrolledThroughTheMicrophoneAndUsedByTranscription()
    {
        const auto voices = test::heldOutVoicePairs()[2];
        QVERIFY(test::synthesiseDialogue(m_tmp.path(), "session", fixture("transcripts/full_session.json"), voices, {}).ok());
        const auto enrollWav = m_tmp / "session.enroll.wav";
        const QString raw = QString::fromStdString((m_tmp / "reading.raw").string());
        QCOMPARE(test::runProgram("sox", {QString::fromStdString(enrollWav.string()), "-t", "raw", "-e", "signed", "-b",
                                          "16", "-c", "1", raw})
                     .exitCode,
                 0);
        test::writeTestAlsaConfig(m_tmp.path(), raw, 16000, QString::fromStdString((m_tmp / "played.raw").string()));
        QProcessEnvironment env = test::envWithPassphrase();
        env.insert("HOME", QString::fromStdString(m_tmp.path().string()));
        env.insert("JACK_NO_START_SERVER", "1");
        const QString vault = QString::fromStdString((m_tmp / "vault").string());
        auto cli = [&](QStringList args) { return test::runProgram(test::cliPath(), QStringList{"--vault", vault} + args, env, 300000); };
        QCOMPARE(cli({"init"}).exitCode, 0);
        QVERIFY(cli({"voice", "status"}).out.contains("No voice is enrolled"));
        const auto enrolled = cli({"voice", "enroll", "--seconds", "25", "--device", "noteward_test"});
        QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
        QVERIFY(cli({"voice", "status"}).out.contains("A voice is enrolled"));

        QCOMPARE(cli({"client", "add", "--name", "Voice Client"}).exitCode, 0);
        const auto clients = QJsonDocument::fromJson(cli({"--json", "client", "list"}).out);
        const QString session =
            QString::fromUtf8(cli({"session", "new", "--client", clients[0].toObject()["id"].toString()}).out).trimmed();
        QCOMPARE(cli({"recording", "import", "--session", session, "--wav",
                      QString::fromStdString((m_tmp / "session.wav").string())})
                     .exitCode,
                 0);
        const auto transcribed = cli({"transcribe", "--session", session});
        QVERIFY2(transcribed.exitCode == 0, transcribed.err.constData());
        QVERIFY2(transcribed.err.contains("told apart by the enrolled voice"), transcribed.err.constData());
        const auto shown = QJsonDocument::fromJson(cli({"--json", "transcript", "show", "--session", session}).out);
        std::vector<notes::Segment> heard;
        for (const auto& s : shown["segments"].toArray()) {
            const auto o = s.toObject();
            heard.push_back({"", o["start_ms"].toInteger(), o["end_ms"].toInteger(), o["speaker"].toString().toStdString(), ""});
        }
        std::ifstream in(m_tmp / "session.json");
        std::stringstream text;
        text << in.rdbuf();
        const auto score = speech::scoreDiarization(notes::parseTranscript(text.str())->segments, heard);
        qInfo("through the microphone and the recogniser: %.1f %% mislabelled", score.mislabelledShare() * 100);
        QVERIFY(score.mislabelledShare() <= 0.2);

        // The model, not audio, is what the vault keeps; forgetting it is audited.
        {
            auto v = test::openVault(vault.toStdString());
            auto stored = vault::VoiceProfileRepository(v->database()).get(v->user().id);
            QVERIFY(stored.ok() && stored.value());
            QVERIFY(stored.value()->size() < 20000);
            QVERIFY(test::auditActions(*v).contains("voice.enrolled"));
        }
        QVERIFY(cli({"voice", "forget"}).exitCode == 0);
        {
            auto v = test::openVault(vault.toStdString());
            QVERIFY(test::auditActions(*v).contains("voice.forgotten"));
            QVERIFY(!app::VoiceService(*v).profile().value().has_value());
        }

        // Without a voice: numbered, then named by the therapist in one step.
        const QString second =
            QString::fromUtf8(cli({"session", "new", "--client", clients[0].toObject()["id"].toString()}).out).trimmed();
        QCOMPARE(cli({"recording", "import", "--session", second, "--wav",
                      QString::fromStdString((m_tmp / "session.wav").string())})
                     .exitCode,
                 0);
        const auto numbered = cli({"transcribe", "--session", second});
        QVERIFY2(numbered.err.contains("transcript speakers --session"), numbered.err.constData());
        QVERIFY(numbered.out.contains("[speaker_1]") && numbered.out.contains("[speaker_2]"));
        QCOMPARE(cli({"transcript", "speakers", "--session", second, "--therapist", "speaker_3"}).exitCode, 2);
        const auto named = cli({"transcript", "speakers", "--session", second, "--therapist", "speaker_1"});
        QVERIFY2(named.exitCode == 0, named.err.constData());
        const auto after = cli({"transcript", "show", "--session", second}).out;
        QVERIFY(!after.contains("speaker_1") && !after.contains("speaker_2"));
        QVERIFY(cli({"transcript", "speakers", "--session", second, "--therapist", "speaker_1"}).exitCode == 1);
        {
            auto v = test::openVault(vault.toStdString());
            QVERIFY(test::auditActions(*v).contains("transcript.speakers_named"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDiarization)
#include "tst_diarization.moc"
