// Database::cached(): a statement compiled once and lent again, reset when the borrower is done
// (so it holds no read snapshot), and never shared by two borrowers at once.
#include "test_support.h"

#include "crypto/random.h"
#include "vault/database.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestCachedStatements : public QObject {
    Q_OBJECT
private slots:
    void lentStatementsAreResetAndNeverShared()
    {
        test::TempFolder tmp;
        const auto key = crypto::randomSecret(32);
        auto db = vault::Database::open(tmp / "cached.db", key, {.create = true});
        db->exec("PRAGMA journal_mode = WAL;");
        db->exec("CREATE TABLE t (n INTEGER);");
        for (int i = 1; i <= 3; ++i) db->cached("INSERT INTO t (n) VALUES (?);").bind(1, std::int64_t{i}).run();

        const char* select = "SELECT n FROM t WHERE n >= ? ORDER BY n;";
        {
            auto outer = db->cached(select);
            outer.bind(1, std::int64_t{1});
            QVERIFY(outer.step());
            QCOMPARE(outer.int64(0), std::int64_t{1});
            // The same SQL while the first is still stepping: a statement of its own, so the
            // outer one keeps its place.
            auto inner = db->cached(select);
            inner.bind(1, std::int64_t{3});
            QVERIFY(inner.step());
            QCOMPARE(inner.int64(0), std::int64_t{3});
            QVERIFY(outer.step());
            QCOMPARE(outer.int64(0), std::int64_t{2});
        }
        // Lent again from the start, with no bindings left over.
        auto again = db->cached(select);
        QVERIFY(!again.step());  // unbound is NULL, and no row compares >= NULL
    }

    void aLentStatementHoldsNoSnapshotOnceReturned()
    {
        test::TempFolder tmp;
        const auto key = crypto::randomSecret(32);
        auto writer = vault::Database::open(tmp / "snap.db", key, {.create = true});
        writer->exec("PRAGMA journal_mode = WAL;");
        writer->exec("CREATE TABLE t (n INTEGER);");
        writer->exec("INSERT INTO t (n) VALUES (1);");
        auto reader = vault::Database::open(tmp / "snap.db", key, {});
        const char* count = "SELECT count(*) FROM t;";
        {
            auto c = reader->cached(count);
            QVERIFY(c.step());
            QCOMPARE(c.int64(0), std::int64_t{1});
        }  // returned half-read (one row, not stepped to the end): reset, snapshot released
        writer->exec("INSERT INTO t (n) VALUES (2);");
        auto c = reader->cached(count);
        QVERIFY(c.step());
        QCOMPARE(c.int64(0), std::int64_t{2});
    }
};

QTEST_GUILESS_MAIN(TestCachedStatements)
#include "tst_cached_statements.moc"
