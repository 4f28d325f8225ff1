// The application layer's drafting, as both front ends call it, on a real vault: the stored
// transcript drafted and stored, a hosted engine fed the session's identifiers to mask, and a
// fallback that is reported and audited rather than silent.
#include "mock_llm_server.h"
#include "test_support.h"

#include "app/note_service.h"
#include "notes/local_engine.h"
#include "records/engine_configuration.h"
#include "records/note_records.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestNoteService : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;

    struct Setup {
        std::unique_ptr<vault::Vault> vault;
        std::string session;
    };

    Setup sessionWithTranscript()
    {
        Setup s;
        s.vault = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count)));
        model::Client c;
        c.name = "Imogen Tallis";
        c.contact.address = "7 Quarry Lane, Hebden Bridge HX7 8AA";
        const std::string client = s.vault->clients().add(c).value().id;
        s.session = s.vault->sessions().add(test::session(client)).value().id;
        auto transcript = notes::parseTranscript(R"({"segments": [
            {"id": "s1", "speaker": "therapist", "text": "How was the week, Imogen?"},
            {"id": "s2", "speaker": "client", "text": "imogen tallis has had a hard week in hebden bridge, I avoided the shops."}]})");
        if (!records::NoteRecords(*s.vault).storeTranscript(s.session, transcript.value())) qFatal("store failed");
        return s;
    }

    static QStringList actions(vault::Vault& v) { return test::auditActions(v); }

private slots:
    void localDraftIsStored()
    {
        auto s = sessionWithTranscript();
        auto outcome = app::NoteService(*s.vault).draftSession(s.session, "local");
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().message.c_str());
        QVERIFY(outcome->notices.empty());
        QVERIFY(outcome->draft.risk(notes::RiskCategory::Avoidance));
        QCOMPARE(records::NoteRecords(*s.vault).currentDraft(s.session)->engine, std::string("local"));
        QVERIFY(actions(*s.vault).contains("note.drafted:local"));
    }

    void hostedDraftMasksTheSessionsPeople()
    {
        test::MockLlmServer server(test::MockLlmServer::Dialect::OpenAi);
        server.setModel([](const nlohmann::json& payload) -> nlohmann::json {
            if (payload["task"] == "merge") return payload["candidates"];
            return {{"statements", nlohmann::json::array()}, {"risks", nlohmann::json::array()}};
        });
        auto s = sessionWithTranscript();
        QVERIFY(records::configureProvider(*s.vault, "openai", server.baseUrl(), std::string("m"), std::string("sk-x")).ok());
        auto outcome = app::NoteService(*s.vault).draftSession(s.session, "openai");
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().message.c_str());
        QCOMPARE(outcome->draft.engine, std::string("openai"));
        for (const auto& r : server.requests())
            for (const char* secret : {"Imogen", "imogen", "tallis", "hebden", "Hebden", "Quarry"})
                QVERIFY2(r.body.find(secret) == std::string::npos, secret);
        QVERIFY(actions(*s.vault).contains("pii.masked_text_sent:openai"));
    }

    void unreachableEngineIsReportedAndAudited()
    {
        auto s = sessionWithTranscript();
        QVERIFY(records::configureProvider(*s.vault, "openai", std::string("http://127.0.0.1:9"), std::nullopt,
                                           std::string("sk-x"))
                    .ok());
        auto outcome = app::NoteService(*s.vault).draftSession(s.session, "openai");
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->draft.engine, std::string("local"));
        QCOMPARE(outcome->notices.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(outcome->notices.front()).contains("local engine instead"));
        QVERIFY(actions(*s.vault).contains("note.engine_fallback:openai>local"));
    }

    void lockedVaultIsAClearError()
    {
        auto s = sessionWithTranscript();
        s.vault->lock();
        QCOMPARE(app::NoteService(*s.vault).draftSession(s.session, "local").error().code, ErrorCode::Locked);
    }
};

QTEST_GUILESS_MAIN(TestNoteService)
#include "tst_note_service.moc"
