// The security review's findings, tried as an attacker or a careless user would, against the
// real executable and real vault files. Each test fails on the code before the fixes.
#include "test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace noteward;

class TestCliHardening : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;

    QString freshVault() { return QString::fromStdString((m_tmp.path() / ("v" + std::to_string(++m_count))).string()); }
    std::filesystem::path pathOf(const QString& s) { return std::filesystem::path(s.toStdString()); }

    test::ProcessResult cli(const QString& vault, QStringList args, const QProcessEnvironment& env = test::envWithPassphrase())
    {
        return test::runCli(vault, std::move(args), env);
    }

    QString initVault() { return test::initVaultWithCli(freshVault()); }

    QStringList auditActions(const QString& vault)
    {
        QStringList actions;
        for (const auto& e : QJsonDocument::fromJson(cli(vault, {"--json", "audit", "list"}).out).array())
            actions << e.toObject()["action"].toString() + " " + e.toObject()["object_id"].toString();
        return actions;
    }

    // A one-second 16 kHz mono WAV of silence.
    QByteArray silentWav()
    {
        QByteArray wav;
        auto le = [&wav](quint32 v, int bytes) {
            for (int i = 0; i < bytes; ++i) wav.append(static_cast<char>((v >> (8 * i)) & 0xff));
        };
        const quint32 data = 16000 * 2;
        wav.append("RIFF");
        le(36 + data, 4);
        wav.append("WAVEfmt ");
        le(16, 4);
        le(1, 2);
        le(1, 2);
        le(16000, 4);
        le(32000, 4);
        le(2, 2);
        le(16, 2);
        wav.append("data");
        le(data, 4);
        wav.append(QByteArray(static_cast<int>(data), '\0'));
        return wav;
    }

private slots:
    void noShellInterpretsAFileName()
    {
        const auto dir = m_tmp.path() / "shell";
        std::filesystem::create_directories(dir);
        const auto wav = dir / "a'; touch pwned; '.wav";
        test::writeFile(wav, silentWav());
        QProcess p;
        p.setWorkingDirectory(QString::fromStdString(dir.string()));
        p.start(test::cliPath(), {"bench", "speech", "--wav", QString::fromStdString(wav.string())});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!std::filesystem::exists(dir / "pwned"));
    }

    void rekeyMakesAnOldKeyFileUseless()
    {
        const QString vault = initVault();
        QCOMPARE(cli(vault, {"client", "add", "--name", "Before Change"}).exitCode, 0);
        const QByteArray oldKey = test::readFile(pathOf(vault) / "vault.key");

        // The plain change only re-wraps the key, and says so.
        auto env = test::envWithPassphrase();
        env.insert("NOTEWARD_NEW_PASSPHRASE", "a brand new passphrase");
        auto r = cli(vault, {"passphrase", "change"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("--rekey"), r.err.constData());
        const QByteArray afterPlainChange = test::readFile(pathOf(vault) / "vault.key");
        test::writeFile(pathOf(vault) / "vault.key", oldKey);
        QCOMPARE(cli(vault, {"client", "list"}).exitCode, 0);  // the documented weakness
        test::writeFile(pathOf(vault) / "vault.key", afterPlainChange);

        auto rekeyEnv = test::envWithPassphrase("a brand new passphrase");
        rekeyEnv.insert("NOTEWARD_NEW_PASSPHRASE", "the third passphrase");
        r = cli(vault, {"passphrase", "change", "--rekey"}, rekeyEnv);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto third = test::envWithPassphrase("the third passphrase");
        QCOMPARE(cli(vault, {"client", "add", "--name", "After Rekey"}, third).exitCode, 0);
        const QByteArray newKey = test::readFile(pathOf(vault) / "vault.key");

        // Either old key file with its passphrase now opens nothing.
        for (const auto& [key, passphrase] : {std::pair{oldKey, test::kPassphrase},
                                              std::pair{afterPlainChange, "a brand new passphrase"}}) {
            test::writeFile(pathOf(vault) / "vault.key", key);
            r = cli(vault, {"client", "list"}, test::envWithPassphrase(passphrase));
            QCOMPARE(r.exitCode, 1);
            QVERIFY(!r.out.contains("After Rekey"));
        }
        test::writeFile(pathOf(vault) / "vault.key", newKey);
        r = cli(vault, {"client", "list"}, third);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Before Change") && r.out.contains("After Rekey"));
        QCOMPARE(cli(vault, {"audit", "verify"}, third).exitCode, 0);
        const auto entries = QJsonDocument::fromJson(cli(vault, {"--json", "audit", "list"}, third).out).array();
        QVERIFY(std::any_of(entries.begin(), entries.end(),
                            [](const QJsonValue& e) { return e.toObject()["action"] == "vault.rekeyed"; }));
        QVERIFY(!std::filesystem::exists(pathOf(vault + ".replaced")));
        QVERIFY(!std::filesystem::exists(pathOf(vault + ".restoring")));
    }

    void unreachableEngineFallbackIsNeverSilent()
    {
        const QString vault = initVault();
        auto env = test::envWithPassphrase();
        env.insert("NOTEWARD_API_KEY", "sk-unreachable");
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        QCOMPARE(cli(vault, {"engine", "configure", "--engine", "openai", "--base-url", "http://127.0.0.1:9"}, env).exitCode, 0);
        const auto r = cli(vault, {"--json", "note", "draft", "--transcript", test::fixturePath("transcripts/one_segment.json"),
                                   "--engine", "openai"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["engine"].toString(), QString("local"));
        QVERIFY2(r.err.contains("warning") && r.err.contains("local engine instead"), r.err.constData());
        const QStringList actions = auditActions(vault);
        const auto sent = actions.indexOf(QRegularExpression("^pii.masked_text_sent:openai .*"));
        const auto fellBack = actions.indexOf(QRegularExpression("^note.engine_fallback:openai>local .*"));
        QVERIFY(sent >= 0 && fellBack > sent);
    }

    void failedUnlockLogIsParsedStrictly()
    {
        const QString vault = initVault();
        test::writeFile(pathOf(vault) / "unlock-failures.log",
                        "2026-01-02T03:04:05.678Z\n\x1b[31mclient Jane Doe rang\n2026-13-40T99:00:00.000Z\n");
        QCOMPARE(cli(vault, {"client", "list"}).exitCode, 0);
        const QStringList actions = auditActions(vault);
        QVERIFY(actions.contains("vault.unlock_failures_unreadable 2"));
        const auto entries = QJsonDocument::fromJson(cli(vault, {"--json", "audit", "list"}).out).array();
        int failures = 0;
        for (const auto& e : entries) {
            const auto o = e.toObject();
            QVERIFY(!o["time"].toString().contains("Jane"));
            if (o["action"] == "vault.unlock_failed") {
                ++failures;
                QCOMPARE(o["time"].toString(), QString("2026-01-02T03:04:05.678Z"));
            }
        }
        QCOMPARE(failures, 1);
    }

    void looseFileModesAreReportedAndTightened()
    {
        const QString vault = initVault();
        ::chmod(vault.toLocal8Bit().constData(), 0755);
        ::chmod((vault + "/vault.db").toLocal8Bit().constData(), 0644);
        const auto r = cli(vault, {"client", "list"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("could be read by other users"), r.err.constData());
        QVERIFY(r.err.contains("could be opened by other users"));
        struct stat info {};
        QCOMPARE(::stat((vault + "/vault.db").toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777u, 0600u);
        QCOMPARE(::stat(vault.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777u, 0700u);
        // Failed unlocks are noted privately too.
        QCOMPARE(cli(vault, {"client", "list"}, test::envWithPassphrase("not the passphrase")).exitCode, 1);
        QCOMPARE(::stat((vault + "/unlock-failures.log").toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777u, 0600u);
    }

    void badTextIsRefusedAndTerminalsAreSafe()
    {
        const QString vault = initVault();
        const auto jsonFile = m_tmp.path() / "client.json";
        test::writeFile(jsonFile, "{\"name\": \"Ann\\u0007Bell\"}");
        auto r = cli(vault, {"client", "add", "--from-file", QString::fromStdString(jsonFile.string())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("control characters"));
        QCOMPARE(cli(vault, {"--json", "client", "list"}).exitCode, 0);

        // Raw non-UTF-8 bytes straight from a script.
        QProcess p;
        p.setProcessEnvironment(test::envWithPassphrase());
        const QByteArray script = "exec \"$0\" --vault \"$1\" client add --name \"$(printf 'Bad\\377Name')\"";
        p.start("sh", {"-c", QString::fromUtf8(script), test::cliPath(), vault});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(p.readAllStandardError().contains("not valid UTF-8"), "no clear message");
        QCOMPARE(cli(vault, {"--json", "client", "list"}).exitCode, 0);

        // Escape sequences in a transcript never reach the terminal.
        const QString client = QString::fromUtf8(cli(vault, {"client", "add", "--name", "Term Test"}).out).trimmed();
        const QString session = QString::fromUtf8(cli(vault, {"session", "new", "--client", client}).out).trimmed();
        const auto transcript = m_tmp.path() / "ansi.json";
        test::writeFile(transcript, "{\"session_id\":\"x\",\"language\":\"en-GB\",\"segments\":[{\"id\":\"s1\",\"start_ms\":0,"
                                    "\"end_ms\":1000,\"speaker\":\"client\",\"text\":\"hello \\u001b[2J\\u001b]0;pwned\\u0007 there\"}]}");
        QCOMPARE(cli(vault, {"transcript", "import", "--session", session, "--file", QString::fromStdString(transcript.string())}).exitCode, 0);
        r = cli(vault, {"transcript", "show", "--session", session});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("hello"));
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(!r.out.contains('\x07'));
    }

    void clientDetailsFromAFileOrStandardInput()
    {
        const QString vault = initVault();
        const auto file = m_tmp.path() / "details.json";
        test::writeFile(file, "{\"name\": \"Rhiannon Ellis\", \"dob\": \"1985-03-03\", \"nhs_number\": \"943 476 5919\"}");
        auto r = cli(vault, {"client", "add", "--from-file", QString::fromStdString(file.string())});
        QCOMPARE(r.exitCode, 0);

        QProcess p;
        p.setProcessEnvironment(test::envWithPassphrase());
        p.start(test::cliPath(), {"--vault", vault, "--json", "client", "list", "--from-file", "-"});
        QVERIFY(p.waitForStarted());
        p.write("{\"search\": \"rhiannon\"}");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const auto list = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject()["nhs_number"].toString(), QString("9434765919"));

        test::writeFile(file, "{\"name\": \"X\", \"ni_number\": \"QQ123456C\"}");
        r = cli(vault, {"client", "add", "--from-file", QString::fromStdString(file.string())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("unknown field"));
        QVERIFY(cli({}, {"--help"}).out.contains("--from-file"));
    }

    void mistypedCommandsAreUsageErrors()
    {
        const QString vault = initVault();
        for (const QStringList& args : {QStringList{"client", "add", "--name", "A", "--name", "B"},
                                        QStringList{"audit", "list", "--limit", "0"},
                                        QStringList{"audit", "list", "--limit", "ten"},
                                        QStringList{"bench", "vault", "--clients", "abc"}}) {
            const auto r = cli(vault, args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ')));
        }
        for (const char* number : {"0000000000", "9999999999"}) {
            const auto r = cli(vault, {"client", "add", "--name", "Nobody", "--nhs-number", number});
            QVERIFY2(r.exitCode == 1, number);
        }
    }

    void pathsAreNormalisedAndTheVaultIsNeverAnOutput()
    {
        const QString vault = initVault();
        QCOMPARE(cli(vault, {"client", "add", "--name", "Path Test"}).exitCode, 0);
        const QByteArray key = test::readFile(pathOf(vault) / "vault.key");
        for (const char* inside : {"/vault.key", "/vault.db"}) {
            const auto r = cli(vault, {"backup", "--out", vault + inside});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.err.contains("inside the vault folder"));
        }
        QCOMPARE(test::readFile(pathOf(vault) / "vault.key"), key);
        QCOMPARE(cli(vault, {"client", "list"}).exitCode, 0);

        auto r = cli(vault, {"backup", "--out", "/nonexistent/dir/b.nwbackup"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not exist"), r.err.constData());

        const QString backup = QString::fromStdString((m_tmp.path() / "paths.nwbackup").string());
        QCOMPARE(cli(vault, {"backup", "--out", backup}).exitCode, 0);
        const QString target = freshVault() + "/";
        r = cli(target, {"restore", "--from", backup});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(cli(target, {"client", "list"}).out.contains("Path Test"));
    }

    void editClientAndListSessions()
    {
        const QString vault = initVault();
        const QString id = QString::fromUtf8(cli(vault, {"client", "add", "--name", "Edit Me"}).out).trimmed();
        const QString first = QString::fromUtf8(cli(vault, {"session", "new", "--client", id, "--start", "2026-01-05T10:00:00Z"}).out).trimmed();
        const QString second = QString::fromUtf8(cli(vault, {"session", "new", "--client", id, "--start", "2026-02-05T10:00:00Z"}).out).trimmed();
        auto r = cli(vault, {"--json", "session", "list", "--client", id});
        QCOMPARE(r.exitCode, 0);
        const auto list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject()["id"].toString(), second);  // newest first
        QCOMPARE(list[1].toObject()["id"].toString(), first);

        const auto file = m_tmp.path() / "edit.json";
        test::writeFile(file, "{\"nhs_number\": \"943 476 5919\", \"address\": \"1 High Street\"}");
        r = cli(vault, {"--json", "client", "edit", "--client", id, "--from-file", QString::fromStdString(file.string())});
        QCOMPARE(r.exitCode, 0);
        const auto edited = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(edited["name"].toString(), QString("Edit Me"));
        QCOMPARE(edited["nhs_number"].toString(), QString("9434765919"));
        test::writeFile(file, "{\"nhs_number\": \"0000000000\"}");
        QCOMPARE(cli(vault, {"client", "edit", "--client", id, "--from-file", QString::fromStdString(file.string())}).exitCode, 1);
        QCOMPARE(cli(vault, {"client", "edit", "--client", id}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliHardening)
#include "tst_cli_hardening.moc"
