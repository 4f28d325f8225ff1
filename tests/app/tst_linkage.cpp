// The shipped executables link SQLCipher and never the system libsqlite3 (same symbols: a
// plain SQLite would silently store everything unencrypted). Checked with the loader itself.
#include "test_support.h"

#include <QTest>

using namespace noteward;

class TestLinkage : public QObject {
    Q_OBJECT
private slots:
    void noSystemSqlite_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("noteward-cli") << test::cliPath();
        QTest::newRow("noteward") << test::guiPath();
        QTest::newRow("vault_writer") << test::vaultWriterPath();
    }
    void noSystemSqlite()
    {
        QFETCH(QString, program);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_TRACE_LOADED_OBJECTS", "1");  // the loader lists libraries and exits
        const auto result = test::runProgram(program, {}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("libsqlcipher"), result.out.constData());
        QVERIFY2(!result.out.contains("libsqlite3"), result.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestLinkage)
#include "tst_linkage.moc"
