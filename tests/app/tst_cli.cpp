// noteward-cli as a script or an IT admin uses it: the real executable, real vault files.
#include "mock_llm_server.h"
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace noteward;

class TestCli : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;

    QString freshVault() { return QString::fromStdString((m_tmp.path() / ("v" + std::to_string(++m_count))).string()); }

    test::ProcessResult cli(const QString& vault, QStringList args, const QProcessEnvironment& env = test::envWithPassphrase())
    {
        return test::runCli(vault, std::move(args), env);
    }

    QString initVault() { return test::initVaultWithCli(freshVault()); }

private slots:
    void initAddListWithJson()
    {
        const QString vault = freshVault();
        auto r = cli(vault, {"--json", "init", "--therapist", "Dr Who"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(r.out).object().value("vault_id").toString().isEmpty());
        QCOMPARE(cli(vault, {"init"}).exitCode, 1);  // already exists

        r = cli(vault, {"client", "add", "--name", "Nia Jones", "--dob", "1990-04-05", "--nhs-number", "943 476 5919"});
        QCOMPARE(r.exitCode, 0);
        const QString id = QString::fromUtf8(r.out).trimmed();
        QCOMPARE(id.size(), 36);

        r = cli(vault, {"client", "list", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject()["id"].toString(), id);
        QCOMPARE(list[0].toObject()["nhs_number"].toString(), QString("9434765919"));
        QCOMPARE(list[0].toObject()["date_of_birth"].toString(), QString("1990-04-05"));

        r = cli(vault, {"client", "list"});
        QVERIFY(r.out.contains("Nia Jones"));
        QVERIFY(r.err.contains("1 client(s)"));  // messages on stderr, data on stdout

        r = cli(vault, {"session", "new", "--client", id});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out).trimmed().size(), 36);
        QCOMPARE(cli(vault, {"session", "new", "--client", "missing"}).exitCode, 1);

        r = cli(vault, {"--json", "audit", "list"});
        QCOMPARE(r.exitCode, 0);
        QStringList actions;
        for (const auto& e : QJsonDocument::fromJson(r.out).array()) actions << e.toObject()["action"].toString();
        QVERIFY(actions.contains("vault.created"));
        QVERIFY(actions.contains("client.created"));
        QVERIFY(actions.contains("session.created"));
        QVERIFY(!r.out.contains("Nia"));

        r = cli(vault, {"audit", "verify"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("intact"));
    }

    void userErrorsExitOne()
    {
        const QString vault = initVault();
        auto r = cli(vault, {"client", "add", "--name", "X", "--nhs-number", "1234567890"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a valid NHS number"));
        r = cli(vault, {"client", "list"}, test::envWithPassphrase("definitely the wrong one"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("passphrase is not correct"));
        r = cli(freshVault(), {"client", "list"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no Noteward vault"));
        r = cli(vault, {"--json", "client", "add", "--name", "Y", "--dob", "2999-01-01"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QJsonDocument::fromJson(r.out).object().contains("error"));
    }

    void usageErrorsExitTwo()
    {
        const QString vault = initVault();
        for (const QStringList& args : {QStringList{"frobnicate"}, QStringList{"client", "add"},
                                        QStringList{"client", "list", "--name", "x"}, QStringList{},
                                        QStringList{"--passphrase", "secret", "client", "list"},
                                        QStringList{"--passphrase=secret", "client", "list"},
                                        QStringList{"client", "add", "--name"}, QStringList{"--bogus"}}) {
            const auto r = cli(vault, args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ')));
            QVERIFY(!r.err.isEmpty());
        }
        const auto r = cli(vault, {"--passphrase", "secret", "client", "list"});
        QVERIFY(r.err.contains("never accepted as arguments"));
        QCOMPARE(cli({}, {"--help"}).exitCode, 0);
    }

    void passphraseFromFileAndNoPassphrase()
    {
        const QString vault = freshVault();
        const QString file = QString::fromStdString((m_tmp.path() / "pass.txt").string());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a passphrase in a file\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
        bare.remove("NOTEWARD_PASSPHRASE");
        auto r = cli(vault, {"--passphrase-file", file, "init"}, bare);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli(vault, {"--passphrase-file", file, "client", "list"}, bare).exitCode, 0);
        QCOMPARE(cli(vault, {"client", "list"}, test::envWithPassphrase("a passphrase in a file")).exitCode, 0);

        // No passphrase anywhere and no terminal: a clear error, not a hang.
        r = test::runProgram("setsid", {"-w", test::cliPath(), "--vault", vault, "client", "list"}, bare);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No passphrase given"), r.err.constData());
    }

    void backupAndRestore()
    {
        const QString vault = initVault();
        QCOMPARE(cli(vault, {"client", "add", "--name", "Olu Backup"}).exitCode, 0);
        const QString backup = QString::fromStdString((m_tmp.path() / "cli.nwbackup").string());
        QCOMPARE(cli(vault, {"backup", "--out", backup}).exitCode, 0);
        const QString target = freshVault();
        QCOMPARE(cli(target, {"restore", "--from", backup}).exitCode, 0);
        auto r = cli(target, {"client", "list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array()[0].toObject()["name"].toString(), QString("Olu Backup"));
        r = cli(target, {"restore", "--from", backup});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--replace"));
        QCOMPARE(cli(target, {"restore", "--from", backup, "--replace"}).exitCode, 0);
    }

    void noteDraftNeedsNoVault()
    {
        QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
        bare.remove("NOTEWARD_PASSPHRASE");
        auto r = test::runProgram(test::cliPath(), {"note", "draft", "--transcript",
                                                    test::fixturePath("transcripts/full_session.json"), "--json"}, bare);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject draft = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(draft["engine"].toString(), QString("local"));
        QCOMPARE(draft["sections"].toObject().size(), 7);
        QVERIFY(draft["sections"].toObject()["agenda"].isArray());
        QVERIFY(draft["risks"].isArray());

        const QString bad = QString::fromStdString((m_tmp.path() / "bad.json").string());
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"segments\": [");
        f.close();
        r = test::runProgram(test::cliPath(), {"note", "draft", "--transcript", bad, "--json"}, bare);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not valid JSON"));
        r = test::runProgram(test::cliPath(), {"note", "draft", "--transcript", bad + ".missing"}, bare);
        QCOMPARE(r.exitCode, 1);
        r = test::runProgram(test::cliPath(), {"note", "draft", "--transcript", bad, "--engine", "magic"}, bare);
        QCOMPARE(r.exitCode, 2);
    }

    void noteWorkflowFromDraftToVerifiedSignature()
    {
        const QString vault = initVault();
        const QString client = QString::fromUtf8(cli(vault, {"client", "add", "--name", "Sam Example"}).out).trimmed();
        const QString session = QString::fromUtf8(cli(vault, {"session", "new", "--client", client}).out).trimmed();
        QCOMPARE(cli(vault, {"transcript", "import", "--session", session, "--file",
                             test::fixturePath("transcripts/full_session.json")}).exitCode, 0);
        auto r = cli(vault, {"--json", "note", "draft", "--session", session});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["risks"].toArray().size(), 3);

        r = cli(vault, {"note", "sign", "--session", session});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("Review every risk flag"));
        QCOMPARE(cli(vault, {"note", "review", "--session", session, "--risk", "suicidal_ideation"}).exitCode, 2);
        QCOMPARE(cli(vault, {"note", "review", "--session", session, "--risk", "suicidal_ideation", "--confirm"}).exitCode, 0);
        QCOMPARE(cli(vault, {"note", "review", "--session", session, "--risk", "self_harm_threats", "--confirm"}).exitCode, 0);
        QCOMPARE(cli(vault, {"note", "review", "--session", session, "--risk", "avoidance", "--dismiss",
                             "Situational; plan agreed"}).exitCode, 0);
        r = cli(vault, {"--json", "note", "sign", "--session", session});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["hash"].toString().size(), 64);

        const QString addendum = QString::fromStdString((m_tmp.path() / "addendum.txt").string());
        QFile f(addendum);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Client phoned: the meeting went well.\n");
        f.close();
        QCOMPARE(cli(vault, {"note", "addendum", "--session", session, "--text-file", addendum}).exitCode, 0);
        r = cli(vault, {"--json", "note", "verify", "--session", session});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object()["ok"].toBool());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["addenda"].toInt(), 1);
        QCOMPARE(cli(vault, {"audit", "verify"}).exitCode, 0);
    }

    void hostedEngineFromCliKeepsKeyInVaultAndAudits()
    {
        test::MockLlmServer server(test::MockLlmServer::Dialect::OpenAi);
        server.setModel([](const nlohmann::json& payload) -> nlohmann::json {
            if (payload["task"] == "merge") return payload["candidates"];
            nlohmann::json statements = nlohmann::json::array();
            for (const auto& s : payload["segments"])
                statements.push_back({{"section", "week_review"}, {"text", "Speaker said: " + s["text"].get<std::string>()},
                                      {"sources", {s["id"]}}});
            return {{"statements", statements}, {"risks", nlohmann::json::array()}};
        });
        const QString vault = initVault();
        auto env = test::envWithPassphrase();
        env.insert("NOTEWARD_API_KEY", "sk-cli-test-key");
        auto r = cli(vault, {"engine", "configure", "--engine", "openai", "--base-url",
                             QString::fromStdString(server.baseUrl()), "--model", "gpt-test"}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli(vault, {"engine", "configure", "--engine", "openai", "--api-key", "x"}).exitCode, 2);

        r = cli(vault, {"--json", "note", "draft", "--transcript", test::fixturePath("transcripts/full_session.json"),
                        "--engine", "openai"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["engine"].toString(), QString("openai"));
        const auto requests = server.requests();
        QVERIFY(!requests.empty());
        QCOMPARE(requests.front().headers.at("authorization"), std::string("Bearer sk-cli-test-key"));
        for (const auto& req : requests) QVERIFY(req.body.find("Sam") == std::string::npos);

        r = cli(vault, {"--json", "audit", "list"});
        QVERIFY(r.out.contains("pii.masked_text_sent:openai"));
        QVERIFY(r.out.contains("engine.configured:openai"));
        QVERIFY(!r.out.contains("sk-cli-test-key"));
    }

    void benchPrintsFigures()
    {
        auto r = cli({}, {"--json", "bench", "vault", "--clients", "300"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject figures = QJsonDocument::fromJson(r.out).object();
        for (const char* key : {"unlock_ms", "insert_all_ms", "list_ms", "search_ms"})
            QVERIFY2(figures.value(key).toDouble() > 0, key);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
