// PipelinedFileWriter: what is handed over is what lands, in order, under the target's name
// only on commit; a write that fails is reported and leaves no file behind.
#include "server/pipelined_file_writer.h"

#include "crypto/random.h"
#include "vault/file_io.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>

#include <sys/resource.h>

using noteward::sync::server::PipelinedFileWriter;
namespace core = noteward::core;

namespace {
std::size_t filesIn(const std::filesystem::path& dir)
{
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) n += entry.is_regular_file() ? 1u : 0u;
    return n;
}
}  // namespace

class TestPipelinedFileWriter : public QObject {
    Q_OBJECT
private slots:
    void buffersLandInOrderOnCommit()
    {
        QTemporaryDir dir;
        const std::filesystem::path target = dir.filePath("chunk").toStdString();
        core::Bytes expected;
        {
            PipelinedFileWriter writer(target);
            QVERIFY(writer.open().ok());
            // More buffers than may wait, of different sizes, so the caller is held back.
            for (std::size_t i = 0; i < 9; ++i) {
                const auto buffer = core::crypto::randomBytes(1000 + i * 70000);
                expected.insert(expected.end(), buffer.begin(), buffer.end());
                QVERIFY(writer.write(buffer).ok());
            }
            QVERIFY(!std::filesystem::exists(target));  // nothing under the name before commit
            QVERIFY(writer.commit().ok());
        }
        auto back = core::vault::readWholeFile(target, 1 << 24);
        QVERIFY(back.ok());
        QVERIFY(*back == expected);
        QCOMPARE(filesIn(dir.path().toStdString()), std::size_t(1));
    }

    void droppedWithoutCommitLeavesNothing()
    {
        QTemporaryDir dir;
        const std::filesystem::path target = dir.filePath("chunk").toStdString();
        {
            PipelinedFileWriter writer(target);
            QVERIFY(writer.open().ok());
            QVERIFY(writer.write(core::crypto::randomBytes(300000)).ok());
            QVERIFY(writer.write(core::crypto::randomBytes(300000)).ok());
        }
        QCOMPARE(filesIn(dir.path().toStdString()), std::size_t(0));
    }

    void aFailedWriteIsReportedAndNothingStays()
    {
        // Files may not grow past 100 KB in this process for the test's length (the write
        // then fails with EFBIG, as it would on a full disk).
        QTemporaryDir dir;
        const std::filesystem::path target = dir.filePath("chunk").toStdString();
        rlimit before{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &before) == 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = before;
        small.rlim_cur = 100 * 1024;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        bool reported = false;
        {
            PipelinedFileWriter writer(target);
            QVERIFY(writer.open().ok());
            for (int i = 0; i < 6 && !reported; ++i) reported = !writer.write(core::crypto::randomBytes(64 * 1024)).ok();
            if (!reported) {
                auto committed = writer.commit();
                reported = !committed.ok();
                if (reported) QCOMPARE(committed.error().code, core::ErrorCode::DiskFull);
            }
        }
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &before) == 0);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(reported);
        QVERIFY(!std::filesystem::exists(target));
        QCOMPARE(filesIn(dir.path().toStdString()), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestPipelinedFileWriter)
#include "tst_pipelined_file_writer.moc"
