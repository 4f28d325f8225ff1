// The leak corpus: sentences with every kind of identifier planted in the ways people say
// them (any case, possessive, spaced differently, at a sentence start, as a speaker label,
// in a segment id). A name the vault does not know is found from a capitalised mention
// inside a sentence, so each such name has one here; a name never said that way is the
// masker's known limit. sent through both hosted engines to local servers that speak each
// provider's wire format, and through the transcription upload. Not one planted string may
// be in any captured request.
#include "mock_llm_server.h"
#include "test_support.h"

#include "notes/cloud_engine.h"
#include "notes/draft_pipeline.h"
#include "speech/openai_transcriber.h"

#include <httplib.h>

#include <mutex>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <regex>
#include <thread>

using namespace noteward;
using namespace noteward::core;
using namespace noteward::core::notes;
using nlohmann::json;
using Dialect = test::MockLlmServer::Dialect;

namespace {
KnownIdentifiers vaultRecord()
{
    KnownIdentifiers known;
    known.names = {"Dr Jonathan Pryce", "Samira Okafor", "Harrogate Talking Therapies"};
    known.addresses = {"14 Acacia Avenue, Harrogate HG1 2AB"};
    known.emails = {"samira.okafor@example.co.uk", "j.pryce@practice.example"};
    known.phones = {"07700 900123"};
    known.nhsNumbers = {"9434765919"};
    known.dateOfBirth = "1985-03-03";
    return known;
}

// Each planted string, as it must never appear (compared without case, and for numbers
// without spacing).
const std::vector<std::string> kPlanted = {
    "samira", "okafor", "pryce", "jonathan", "oluwaseun", "priya", "acacia", "harrogate", "hg1 2ab", "hg12ab",
    "07700 900123", "07700900123", "943 476 5919", "9434765919", "samira.okafor@example.co.uk", "j.pryce@practice.example",
    "qq 12 34 56 c", "qq123456c", "march 3rd", "3rd march", "third of march", "03/03/1985", "3.3.85", "1985",
    "15 May 2019", "ab12 3cd", "grantley", "ripon", "zoë", "siân"};

Transcript corpus()
{
    const std::vector<std::pair<std::string, std::string>> lines = {
        {"therapist", "Hello Samira, how has your week been?"},
        {"Samira Okafor", "Not bad. samira is what my mum calls me when she's cross."},
        {"client", "SAMIRA OKAFOR is the name on the letter from the hospital."},
        {"client", "Samira's sister rang on Tuesday."},
        {"client", "The Okafor family are all coming for Christmas."},
        {"client", "okafor's bakery is where I used to work."},
        {"therapist", "I'm Dr Pryce, as you know, Jonathan if you like."},
        {"client", "dr pryce, can I ask you something?"},
        {"client", "My friend Oluwaseun came round. Oluwaseun brought cake."},
        {"client", "Priya said I should call. priya is my neighbour, and I trust Priya."},
        {"client", "I live at 14 Acacia Avenue now."},
        {"client", "acacia avenue is quiet at night."},
        {"client", "Harrogate feels small sometimes. harrogate in the rain is grim."},
        {"client", "My postcode is HG1 2AB, or hg12ab on the forms."},
        {"client", "Ring me on 07700 900123."},
        {"client", "or 07700900123, same phone."},
        {"client", "My NHS number is 943 476 5919."},
        {"client", "The GP wrote 943-476-5919 on the form, and 9434765919 on another."},
        {"client", "Email samira.okafor@example.co.uk for the forms."},
        {"client", "SAMIRA.OKAFOR@EXAMPLE.CO.UK also works."},
        {"therapist", "My email is j.pryce@practice.example if you need it."},
        {"client", "My National Insurance number is QQ 12 34 56 C."},
        {"client", "the job centre has it as qq123456c."},
        {"client", "My birthday is March 3rd."},
        {"client", "I was born on 3rd March 1985."},
        {"client", "born in 1985, so I'm nearly forty."},
        {"client", "The form says 03/03/1985, or 3.3.85 on the old one."},
        {"client", "It's on the third of March every year."},
        {"client", "we moved on 15 May 2019 from the old flat."},
        {"client", "Our old postcode was AB12 3CD."},
        {"client", "I grew up in Grantley, near Ripon. Grantley is tiny."},
        {"client", "I went to see Zoë on Saturday. Zoë is my cousin."},
        {"client", "Siân from work says hello. I like working with Siân; siân is kind."},
        {"therapist", "Harrogate Talking Therapies will send you a letter."},
        {"client", "Some days I think about not waking up."},
        {"therapist", "Thank you for telling me that, Samira."},
        {"client", "I did the thought records on Monday and Wednesday."},
        {"therapist", "For next week, try the walk to the park twice."},
        {"client", "Okay. Samira will try, I promise."},
        {"client", "priya's dog barks all night."},
        {"client", "I told Dr. Pryce's receptionist about the letter."},
        {"client", "samira okafor, that's me, reporting for therapy."},
        // Typographic punctuation from imported or cloud transcripts, and brackets.
        {"client", "\u201cSamira\u201d is what she wrote \u2014Okafor\u2014 on the card."},
        {"client", "[Samira's mum] rang, and [07700 900123] was the number, or [Priya]."},
        {"client", "ok\u00a0Pryce said so."},
    };
    Transcript t;
    t.sessionId = "session-samira-okafor";
    for (std::size_t i = 0; i < lines.size(); ++i)
        t.segments.push_back({"okafor-" + std::to_string(i + 1), static_cast<std::int64_t>(i) * 4000,
                              static_cast<std::int64_t>(i) * 4000 + 3500, lines[i].first, lines[i].second});
    return t;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string withoutSpacing(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') out += c;
    return out;
}

// The planted strings found in a captured request (empty when none leaked).
QStringList leaksIn(const std::string& captured)
{
    const std::string text = lower(captured);
    const std::string compact = withoutSpacing(text);
    QStringList found;
    for (const auto& planted : kPlanted) {
        const std::string p = lower(planted);
        const bool digits = std::any_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (text.find(p) != std::string::npos || (digits && compact.find(withoutSpacing(p)) != std::string::npos))
            found << QString::fromStdString(planted);
    }
    return found;
}

// Echoes every segment back as a statement and flags the ideation, as a model would.
json echoModel(const json& payload)
{
    if (payload["task"] == "merge") return payload["candidates"];
    json statements = json::array();
    json risks = json::array();
    for (const auto& s : payload["segments"]) {
        const std::string text = s["text"];
        statements.push_back({{"section", "week_review"}, {"text", "Client said: " + text}, {"sources", {s["id"]}}});
        if (text.find("not waking up") != std::string::npos)
            risks.push_back({{"category", "suicidal_ideation"},
                             {"status", "present"},
                             {"evidence", {{{"segment", s["id"]}, {"quote", text}}}}});
    }
    return {{"statements", statements}, {"risks", risks}};
}
}  // namespace

class TestPiiLeaks : public QObject {
    Q_OBJECT
private slots:
    void corpusIsLargeEnough() { QVERIFY(corpus().segments.size() >= 40); }

    void noPlantedIdentifierReachesAHostedEngine_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("anthropic") << int(Dialect::Anthropic);
        QTest::newRow("openai") << int(Dialect::OpenAi);
    }

    void noPlantedIdentifierReachesAHostedEngine()
    {
        QFETCH(int, dialect);
        test::MockLlmServer server(static_cast<Dialect>(dialect));
        server.setModel(echoModel);
        ProviderConfig config;
        config.baseUrl = server.baseUrl();
        config.model = "test-model";
        config.apiKey = apiKeyFrom("sk-leak-test");
        config.maxAttempts = 1;
        std::unique_ptr<LlmProvider> provider;
        if (static_cast<Dialect>(dialect) == Dialect::Anthropic) provider = std::make_unique<AnthropicProvider>(config);
        else provider = std::make_unique<OpenAiProvider>(config);
        PiiMasker masker(vaultRecord());
        CloudEngine engine(*provider, masker);
        const Transcript transcript = corpus();
        auto draft = draftWithFallback({&engine}, transcript);
        QVERIFY2(draft.ok(), draft.ok() ? "" : draft.error().message.c_str());

        const auto requests = server.requests();
        QVERIFY(requests.size() >= 2);  // stage 1 and stage 2
        for (const auto& r : requests) {
            QStringList leaks = leaksIn(r.body);
            for (const auto& [name, value] : r.headers) leaks += leaksIn(name + ": " + value);
            QVERIFY2(leaks.isEmpty(), qPrintable("sent in clear: " + leaks.join(", ")));
        }

        // What came back is restored exactly: the ideation is flagged with a quote that is an
        // exact substring of its own segment, and statements cite the transcript's own ids.
        const RiskFlag* flag = draft->risk(RiskCategory::SuicidalIdeation);
        QVERIFY(flag != nullptr);
        QCOMPARE(QString::fromStdString(flag->evidence.front().segment), QString("okafor-35"));
        QVERIFY(draft->section(Section::WeekReview).has_value());
        bool restoredName = false;
        for (const auto& st : *draft->section(Section::WeekReview)) {
            QVERIFY(st.sources.front().rfind("okafor-", 0) == 0);
            if (st.text.find("samira okafor, that's me") != std::string::npos) restoredName = true;
        }
        QVERIFY(restoredName);
    }

    void transcriptionUploadCarriesNoIdentifiers()
    {
        httplib::Server http;
        std::mutex mutex;
        std::vector<std::string> captured;
        http.Post("/v1/audio/transcriptions", [&](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex);
            std::string meta = req.path + "\n";
            for (const auto& [name, value] : req.headers) meta += name + ": " + value + "\n";
            for (const auto& [name, file] : req.files)
                meta += name + " filename=" + file.filename + " type=" + file.content_type + " " +
                        (name == "file" ? std::string("<audio>") : file.content) + "\n";
            captured.push_back(meta);
            res.set_content(json{{"text", "hello"}, {"segments", {{{"id", 0}, {"start", 0.1}, {"end", 0.9}, {"text", "hello"}}}}}
                                .dump(),
                            "application/json");
        });
        const int port = http.bind_to_any_port("127.0.0.1");
        std::thread thread([&] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

        ProviderConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(port);
        config.model = "whisper-1";
        config.apiKey = apiKeyFrom("sk-leak-test");
        speech::OpenAiTranscriber transcriber(config);
        speech::SpeechAudio audio;
        // A second of silence, two of modulated tone ("speech"), a second of silence.
        audio.samples.assign(16000, 0.0f);
        for (int i = 0; i < 32000; ++i)
            audio.samples.push_back(static_cast<float>(0.3 * std::sin(2 * M_PI * 220 * i / 16000.0) *
                                                       (0.6 + 0.4 * std::sin(2 * M_PI * 3 * i / 16000.0))));
        audio.samples.insert(audio.samples.end(), 16000, 0.0f);
        auto transcript = transcriber.transcribe(audio, {});
        http.stop();
        thread.join();
        QVERIFY2(transcript.ok(), transcript.ok() ? "" : transcript.error().message.c_str());
        QVERIFY(!captured.empty());
        for (const auto& meta : captured) {
            QVERIFY2(leaksIn(meta).isEmpty(), meta.c_str());
            QVERIFY(meta.find("filename=audio.wav") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestPiiLeaks)
#include "tst_pii_leaks.moc"
