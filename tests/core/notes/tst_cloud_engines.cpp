// The anthropic and openai engines against local servers speaking each provider's
// published wire format (they cannot be reached from here): retries, Retry-After, refusals,
// timeouts, cut connections, and answers that fabricate. Nothing a server invents may reach
// the draft, and no personal detail may leave in a request.
#include "mock_llm_server.h"
#include "test_support.h"

#include "notes/cloud_engine.h"
#include "notes/draft_pipeline.h"
#include "notes/local_engine.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

#include <set>

using namespace noteward;
using namespace noteward::core::notes;
using nlohmann::json;
using Dialect = test::MockLlmServer::Dialect;
using Reply = test::MockLlmServer::Reply;

namespace {
const std::vector<std::string> kSecrets = {"Sam", "Smith", "sam@example.com", "07700 900123", "943 476 5919",
                                           "SW1A 1AA", "03/04/1985", "12 Baker Street", "Priya"};

Transcript transcriptWithPii()
{
    Transcript t;
    t.segments = {
        {"s1", 0, 5000, "therapist", "Hello Sam Smith, how has your week been?"},
        {"s2", 5000, 9000, "client", "My week was hard. My sister Priya moved to 12 Baker Street near SW1A 1AA."},
        {"s3", 9000, 14000, "client", "You can email me at sam@example.com or ring 07700 900123, my NHS number is 943 476 5919."},
        {"s4", 14000, 18000, "client", "I was born on 03/04/1985 and some nights I think everyone would be better off without me."},
    };
    return t;
}

// A well-behaved model: restates client segments and flags the passive ideation.
json honestModel(const json& payload)
{
    if (payload["task"] == "merge") return payload["candidates"];
    json statements = json::array();
    json risks = json::array();
    for (const auto& s : payload["segments"]) {
        const std::string text = s["text"];
        if (s["speaker"] == "client")
            statements.push_back({{"section", "week_review"}, {"text", "Client said: " + text}, {"sources", {s["id"]}}});
        const auto at = text.find("some nights");
        if (at != std::string::npos)
            risks.push_back({{"category", "suicidal_ideation"},
                             {"status", "present"},
                             {"evidence", {{{"segment", s["id"]}, {"quote", text.substr(at)}}}}});
    }
    return {{"statements", statements}, {"risks", risks}};
}

// A model that invents: a substance, a citation, a category, a section and a quote.
json fabricatingModel(const json& payload)
{
    if (payload["task"] == "merge") return payload["candidates"];
    return {{"statements",
             {{{"section", "week_review"}, {"text", "Client said: my week was hard."}, {"sources", {"s2"}}},
              {{"section", "week_review"}, {"text", "Client disclosed heavy cocaine use."}, {"sources", {"s2"}}},
              {{"section", "agenda"}, {"text", "Client said: my week was hard."}, {"sources", {"s42"}}},
              {{"section", "diagnosis"}, {"text", "Major depressive disorder."}, {"sources", {"s2"}}},
              {{"section", "risk_issues"}, {"text", "Client has a history of abuse."}, {"sources", {"s4"}}}}},
            {"risks",
             {{{"category", "psychosis_risk"}, {"status", "present"}, {"evidence", {{{"segment", "s2"}, {"quote", "hard"}}}}},
              {{"category", "self_harm_threats"}, {"status", "present"},
               {"evidence", {{{"segment", "s4"}, {"quote", "I want to cut myself"}}}}},
              {{"category", "hopelessness"}, {"status", "maybe"}, {"evidence", json::array()}}}}};
}

Reply reply(int status, std::string body, std::map<std::string, std::string> headers = {})
{
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

ProviderConfig configFor(const test::MockLlmServer& server)
{
    ProviderConfig c;
    c.baseUrl = server.baseUrl();
    c.model = "test-model";
    c.apiKey = apiKeyFrom("sk-test-not-a-real-key");
    c.timeout = std::chrono::milliseconds(2000);
    c.maxAttempts = 3;
    c.firstBackoff = std::chrono::milliseconds(50);
    return c;
}

std::unique_ptr<LlmProvider> providerFor(Dialect dialect, const ProviderConfig& config)
{
    if (dialect == Dialect::Anthropic) return std::make_unique<AnthropicProvider>(config);
    return std::make_unique<OpenAiProvider>(config);
}

core::Result<Draft> draftVia(test::MockLlmServer& server, Dialect dialect, ProviderConfig config, bool withFallback = false)
{
    auto provider = providerFor(dialect, config);
    PiiMasker masker({"Sam Smith"});
    CloudEngine cloud(*provider, masker);
    LocalEngine local;
    std::vector<NoteEngine*> chain = {&cloud};
    if (withFallback) chain.push_back(&local);
    (void)server;
    return draftWithFallback(chain, transcriptWithPii());
}

void expectNoPiiSent(const test::MockLlmServer& server)
{
    const auto requests = server.requests();
    QVERIFY(!requests.empty());
    for (const auto& r : requests)
        for (const auto& secret : kSecrets)
            QVERIFY2(r.body.find(secret) == std::string::npos, ("sent in clear: " + secret).c_str());
}
}  // namespace

class TestCloudEngines : public QObject {
    Q_OBJECT
private slots:
    void groundedAnswerIsRestoredAndVerified_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("anthropic") << int(Dialect::Anthropic);
        QTest::newRow("openai") << int(Dialect::OpenAi);
    }
    void groundedAnswerIsRestoredAndVerified()
    {
        QFETCH(int, dialect);
        const auto d = static_cast<Dialect>(dialect);
        test::MockLlmServer server(d);
        server.setModel(honestModel);
        auto draft = draftVia(server, d, configFor(server));
        QVERIFY2(draft.ok(), draft.ok() ? "" : draft.error().message.c_str());
        QCOMPARE(QString::fromStdString(draft->engine), QString(d == Dialect::Anthropic ? "anthropic" : "openai"));
        const auto& week = draft->section(Section::WeekReview);
        QVERIFY(week.has_value());
        QCOMPARE(week->size(), std::size_t(3));
        // Personal details are back in the draft, exactly as said.
        QVERIFY(week->at(0).text.find("Priya moved to 12 Baker Street near SW1A 1AA") != std::string::npos);
        const RiskFlag* si = draft->risk(RiskCategory::SuicidalIdeation);
        QVERIFY(si);
        QCOMPARE(si->evidence.front().quote, std::string("some nights I think everyone would be better off without me."));
        QVERIFY(draft->rejected.empty());
        expectNoPiiSent(server);

        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(2));  // one chunk, then the merge
        const json sent = json::parse(requests.front().body);
        if (d == Dialect::Anthropic) {
            QCOMPARE(requests.front().headers.at("x-api-key"), std::string("sk-test-not-a-real-key"));
            QCOMPARE(requests.front().headers.at("anthropic-version"), std::string("2023-06-01"));
            QCOMPARE(sent["tool_choice"]["type"].get<std::string>(), std::string("tool"));
            QVERIFY(sent["tools"][0]["input_schema"].is_object());
        } else {
            QCOMPARE(requests.front().headers.at("authorization"), std::string("Bearer sk-test-not-a-real-key"));
            QCOMPARE(sent["response_format"]["type"].get<std::string>(), std::string("json_schema"));
            QVERIFY(sent["response_format"]["json_schema"]["strict"].get<bool>());
        }
        // Stage 2 never sees the transcript: only candidates.
        const json merge = json::parse(json::parse(requests.back().body)["messages"].back()["content"].get<std::string>());
        QVERIFY(!merge.contains("segments"));
        QVERIFY(merge.contains("candidates"));
    }

    void fabricationsEndInRejected()
    {
        for (Dialect d : {Dialect::Anthropic, Dialect::OpenAi}) {
            test::MockLlmServer server(d);
            server.setModel(fabricatingModel);
            auto draft = draftVia(server, d, configFor(server));
            QVERIFY(draft.ok());
            QCOMPARE(draft->section(Section::WeekReview)->size(), std::size_t(1));
            QVERIFY(!draft->section(Section::Agenda).has_value());
            QVERIFY(!draft->section(Section::RiskIssues).has_value());
            // None of the model's invented flags survive; the one real disclosure (s4) is there
            // because the verifier's own detector never lets a disclosure be left out.
            QCOMPARE(draft->risks.size(), std::size_t(1));
            QCOMPARE(draft->risks.front().category, RiskCategory::SuicidalIdeation);
            QCOMPARE(draft->risks.front().evidence.front().segment, std::string("s4"));
            std::set<std::string> reasons;
            for (const auto& r : draft->rejected) reasons.insert(r.reason);
            for (const char* reason : {"unsupported_detail:cocaine", "source_outside_chunk", "unknown_section",
                                       "unsupported_detail:abuse", "unknown_risk_category", "invalid_risk_status",
                                       "quote_not_in_segment:s4"})
                QVERIFY2(reasons.count(reason), reason);
            const std::string dumped = toJson(draft.value()).dump();
            QVERIFY(dumped.find("psychosis_risk\",\"status") == std::string::npos);
        }
    }

    void retryAfterIsHonoured()
    {
        test::MockLlmServer server(Dialect::Anthropic);
        server.setModel(honestModel);
        server.script({reply(429, R"({"type":"error","error":{"type":"rate_limit_error"}})", {{"retry-after", "1"}})});
        auto draft = draftVia(server, Dialect::Anthropic, configFor(server));
        QVERIFY(draft.ok());
        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(3));
        QVERIFY(requests[1].at - requests[0].at >= std::chrono::milliseconds(950));
    }

    void serverErrorsAreRetried()
    {
        test::MockLlmServer server(Dialect::OpenAi);
        server.setModel(honestModel);
        server.script({reply(503, "{}"), reply(500, "{}")});
        auto draft = draftVia(server, Dialect::OpenAi, configFor(server));
        QVERIFY(draft.ok());
        QCOMPARE(server.requests().size(), std::size_t(4));
    }

    void rejectedKeyIsAClearErrorAndNoFallback()
    {
        test::MockLlmServer server(Dialect::Anthropic);
        server.script({reply(401, R"({"type":"error","error":{"type":"authentication_error"}})")});
        auto draft = draftVia(server, Dialect::Anthropic, configFor(server), true);
        QVERIFY(!draft.ok());
        QCOMPARE(draft.error().code, core::ErrorCode::Refused);
        QVERIFY(QString::fromStdString(draft.error().message).contains("refused the API key"));
        QVERIFY(draft.error().message.find("sk-test") == std::string::npos);
        QCOMPARE(server.requests().size(), std::size_t(1));
    }

    void unavailableFallsBackToLocal_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("timeout") << "timeout";
        QTest::newRow("cut connection") << "cut";
        QTest::newRow("overloaded") << "overloaded";
        QTest::newRow("not json") << "garbage";
    }
    void unavailableFallsBackToLocal()
    {
        QFETCH(QString, fault);
        test::MockLlmServer server(Dialect::OpenAi);
        Reply bad;
        if (fault == "timeout") {
            bad.delay = std::chrono::milliseconds(1500);
            bad.body = "{}";
        } else if (fault == "cut") {
            bad.body = server.answer(honestModel({{"task", "extract"}, {"segments", json::array()}}));
            bad.cutAfterHalf = true;
        } else if (fault == "overloaded") {
            bad.status = 503;
        } else {
            bad.body = "<html>Bad gateway</html>";
        }
        server.script({bad, bad, bad});
        ProviderConfig config = configFor(server);
        config.timeout = std::chrono::milliseconds(500);
        auto alone = draftVia(server, Dialect::OpenAi, config);
        QVERIFY(!alone.ok());
        QCOMPARE(alone.error().code, core::ErrorCode::Unavailable);

        server.script({bad, bad, bad});
        auto withFallback = draftVia(server, Dialect::OpenAi, config, true);
        QVERIFY(withFallback.ok());
        QCOMPARE(QString::fromStdString(withFallback->engine), QString("local"));
    }

    // A lock or a Cancel abandons a hosted engine's request in flight, at once, and the draft
    // does not fall back to another engine: nothing is drafted.
    void cancelAbandonsTheRequestInFlight()
    {
        test::MockLlmServer server(Dialect::OpenAi);
        Reply slow;
        slow.delay = std::chrono::milliseconds(8000);
        slow.status = 503;
        server.script({slow, slow, slow});
        ProviderConfig config = configFor(server);
        config.timeout = std::chrono::milliseconds(10000);
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        config.cancel = cancel;
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel->store(true);
        });
        QElapsedTimer timer;
        timer.start();
        auto draft = draftVia(server, Dialect::OpenAi, config, true);
        const auto elapsed = timer.elapsed();
        canceller.join();
        QVERIFY(!draft.ok());
        QCOMPARE(draft.error().code, core::ErrorCode::Cancelled);
        // Far below the 8 s answer: the transfer was abandoned, not waited out.
        QVERIFY2(elapsed < 6000, qPrintable(QString::number(elapsed)));
        QCOMPARE(server.requests().size(), std::size_t(1));
    }

    void plainHttpOnlyToThisMachine()
    {
        ProviderConfig config;
        config.baseUrl = "http://api.example.com";
        config.maxAttempts = 1;
        OpenAiProvider provider(config);
        auto result = provider.complete({"s", "u", "x", json::object()});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, core::ErrorCode::Refused);
    }
};

QTEST_GUILESS_MAIN(TestCloudEngines)
#include "tst_cloud_engines.moc"
