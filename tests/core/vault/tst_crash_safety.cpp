// A writer killed with SIGKILL mid-loop, or stopped by a full disk, leaves a vault that
// opens, passes integrity_check and audit verify, and holds every change it reported as
// committed.
#include "test_support.h"

#include "vault/database.h"

#include <QProcess>
#include <QSet>
#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestCrashSafety : public QObject {
    Q_OBJECT

    void expectHealthyWith(const std::filesystem::path& dir, const QStringList& committed)
    {
        auto vault = test::openVault(dir);
        QCOMPARE(vault->database().scalarText("PRAGMA integrity_check;"), std::string("ok"));
        const auto verified = vault->verifyAudit();
        QVERIFY(verified.ok());
        QVERIFY2(verified->ok(), verified->ok() ? "" : verified->problems.front().description.c_str());
        QSet<QString> stored;
        for (const auto& c : vault->clients().list().value()) stored.insert(QString::fromStdString(c.id));
        for (const QString& id : committed) QVERIFY2(stored.contains(id), qPrintable("lost committed client " + id));
    }

private slots:
    void sigkillMidWrite()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "vault";
        test::createVault(dir).reset();

        for (int round = 0; round < 3; ++round) {
            QProcess writer;
            writer.setProcessEnvironment(test::envWithPassphrase());
            writer.start(test::vaultWriterPath(), {QString::fromStdString(dir.string())});
            QVERIFY(writer.waitForStarted());
            QStringList committed;
            QByteArray pending;
            const int target = 60 + 37 * round;  // kill at a different point each round
            while (committed.size() < target && writer.state() == QProcess::Running) {
                writer.waitForReadyRead(10000);
                pending += writer.readAllStandardOutput();
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    committed << QString::fromUtf8(pending.left(newline));
                    pending.remove(0, newline + 1);
                }
            }
            writer.kill();  // SIGKILL
            writer.waitForFinished();
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            QVERIFY(committed.size() >= target);
            QVERIFY(!committed.first().startsWith("ERROR"));
            expectHealthyWith(dir, committed);
        }
    }

    void fullDiskStopsCleanly()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "vault";
        test::createVault(dir).reset();
        // The writer may grow no file past 256 KiB: the WAL fills up as on a full disk.
        const auto result = test::runProgram(test::vaultWriterPath(),
                                             {QString::fromStdString(dir.string()),
                                              QStringLiteral("--file-size-limit"), QStringLiteral("262144")},
                                             test::envWithPassphrase());
        QCOMPARE(result.exitCode, 1);
        QStringList lines = QString::fromUtf8(result.out).split('\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const QString last = lines.takeLast();
        QVERIFY2(last.startsWith("ERROR"), qPrintable(last));
        QVERIFY2(last.contains("disk is full"), qPrintable(last));
        QVERIFY(lines.size() > 10);
        expectHealthyWith(dir, lines);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
