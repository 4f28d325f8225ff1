#include "test_support.h"

#include "notes/transcript.h"

#include <QTest>

using namespace noteward::core;
using namespace noteward::core::notes;

class TestTranscript : public QObject {
    Q_OBJECT
private slots:
    void parsesTheDesignFormat()
    {
        auto t = parseTranscript(R"({"session_id": "x", "language": "en-GB", "segments": [
            {"id": "s1", "start_ms": 0, "end_ms": 4200, "speaker": "therapist", "text": "Hello."}]})");
        QVERIFY(t.ok());
        QCOMPARE(t->segments.size(), std::size_t(1));
        QCOMPARE(t->segments[0].endMs, std::int64_t(4200));
        QCOMPARE(toJson(t.value())["segments"][0]["speaker"].get<std::string>(), std::string("therapist"));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{\"segments\": [" << "not valid JSON";
        QTest::newRow("array") << "[]" << "top level must be an object";
        QTest::newRow("no segments") << "{}" << "\"segments\" must be a list";
        QTest::newRow("no id") << R"({"segments": [{"text": "x"}]})" << "needs a non-empty string \"id\"";
        QTest::newRow("no text") << R"({"segments": [{"id": "s1"}]})" << "needs a string \"text\"";
        QTest::newRow("duplicate id") << R"({"segments": [{"id": "a", "text": ""}, {"id": "a", "text": ""}]})"
                                      << "appears twice";
        QTest::newRow("backwards") << R"({"segments": [{"id": "a", "text": "", "start_ms": 5, "end_ms": 1}]})"
                                   << "ends before it starts";
        QTest::newRow("string time") << R"({"segments": [{"id": "a", "text": "", "start_ms": "5"}]})"
                                     << "must be a whole number";
        QTest::newRow("bad utf8") << QString::fromLatin1("{\"segments\": [{\"id\": \"a\", \"text\": \"\xff\"}]}")
                                  << "not valid JSON";
    }
    void refusesBadInput()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const std::string bytes = json == QString::fromLatin1("{\"segments\": [{\"id\": \"a\", \"text\": \"\xff\"}]}")
                                      ? std::string("{\"segments\": [{\"id\": \"a\", \"text\": \"\xff\"}]}")
                                      : json.toStdString();
        auto t = parseTranscript(bytes);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(t.error().message).contains(message), t.error().message.c_str());
    }

    void speakersAreCheckedOnTheWayIn()
    {
        auto parsed = parseTranscript(R"({"segments": [{"id": "a", "speaker": "Client", "text": "x"},
                                                      {"id": "b", "speaker": "CLIENT", "text": "x"},
                                                      {"id": "c", "speaker": "", "text": "x"},
                                                      {"id": "d", "speaker": " Therapist ", "text": "x"},
                                                      {"id": "e", "text": "x"},
                                                      {"id": "f", "speaker": "patient", "text": "x"}]})");
        QVERIFY(parsed.ok());
        QStringList speakers;
        for (const auto& s : parsed->segments) speakers << QString::fromStdString(s.speaker);
        QCOMPARE(speakers, (QStringList{"client", "client", "unknown", "therapist", "unknown", "client"}));
        auto named = parseTranscript(R"({"segments": [{"id": "a", "speaker": "Jane Smith", "text": "x"}]})");
        QVERIFY(!named.ok());
        QVERIFY(QString::fromStdString(named.error().message).contains("not one of therapist, client or unknown"));
    }
};

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
