// WalCheckpointer: the store's write-ahead log is checkpointed off the writer's path, and so
// stays bounded although the writing connection no longer checkpoints after its commits.
#include "test_support.h"

#include "crypto/random.h"
#include "server/wal_checkpointer.h"
#include "vault/database.h"

#include <QTest>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace noteward;
using namespace noteward::core;

namespace {
// Writes `commits` transactions of one 4 KiB row each: about a page and a half of log apiece.
void write(vault::Database& db, int commits)
{
    const auto payload = crypto::randomBytes(4096);
    for (int i = 0; i < commits; ++i)
        db.cached("INSERT INTO t (data) VALUES (?);").bind(1, payload).run();
}

std::uintmax_t logSize(const std::filesystem::path& db)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(db.string() + "-wal", ec);
    return ec ? 0 : size;
}
}  // namespace

class TestWalCheckpointer : public QObject {
    Q_OBJECT
private slots:
    void logIsCheckpointedOffTheWritersPath()
    {
        test::TempFolder tmp;
        const auto file = tmp / "store.db";
        const auto key = crypto::randomSecret(32);
        auto writer = vault::Database::open(file, key, {.create = true});
        // As the store's writer: a checkpoint in progress can hold the log's locks for a moment,
        // and a writer without a busy timeout failed at once ("database is locked", seen in CI).
        writer->exec("PRAGMA busy_timeout = 5000;");
        writer->exec("PRAGMA journal_mode = WAL;");
        writer->exec("CREATE TABLE t (data BLOB);");
        sync::server::WalCheckpointer checkpointer(vault::Database::open(file, key, {.create = false}), *writer);

        // Past the threshold: the thread copies the log into the database, so the next writes
        // start the log again from its beginning instead of growing it.
        write(*writer, 2000);
        const auto afterFirst = logSize(file);
        QVERIFY2(afterFirst > 4u * 1024 * 1024, std::to_string(afterFirst).c_str());
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        write(*writer, 2000);
        const auto afterSecond = logSize(file);
        // Without a checkpoint the log would hold both rounds (about twice the first).
        QVERIFY2(afterSecond < afterFirst + afterFirst / 2,
                 (std::to_string(afterFirst) + " then " + std::to_string(afterSecond)).c_str());
        QCOMPARE(writer->scalarInt("SELECT count(*) FROM t;"), std::int64_t{4000});
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_wal_checkpointer.moc"
