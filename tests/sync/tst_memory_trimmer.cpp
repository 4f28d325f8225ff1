// MemoryTrimmer: memory the server freed goes back to the system, and the trimmer stops at
// once when the server does.
#include "server/memory_trimmer.h"

#include <QTest>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

using noteward::sync::server::MemoryTrimmer;

namespace {
// This process's resident size in KiB (Linux).
long residentKiB()
{
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * 4;
}
}  // namespace

class TestMemoryTrimmer : public QObject {
    Q_OBJECT
private slots:
    void freedMemoryGoesBack()
    {
#if !defined(__GLIBC__)
        QSKIP("malloc_trim is glibc's");
#else
        // 12 MiB in 64 KiB blocks (below the allocator's mmap threshold, so on its heap), all
        // freed but the last, which keeps the free space from being the heap's top (which
        // glibc would give back by itself).
        std::vector<char*> blocks;
        for (int i = 0; i < 200; ++i) {
            auto* block = static_cast<char*>(std::malloc(64 * 1024));
            QVERIFY(block);
            std::memset(block, i, 64 * 1024);
            blocks.push_back(block);
        }
        for (std::size_t i = 0; i + 1 < blocks.size(); ++i) std::free(blocks[i]);
        const long before = residentKiB();
        QVERIFY(MemoryTrimmer::trimNow());
        const long after = residentKiB();
        std::free(blocks.back());
        qInfo("resident %ld KiB before the trim, %ld KiB after", before, after);
        QVERIFY2(before - after >= 8 * 1024, "less than 8 MiB of the 12 MiB freed went back");
#endif
    }

    void stopsWithoutWaitingForItsPeriod()
    {
        const auto start = std::chrono::steady_clock::now();
        {
            MemoryTrimmer trimmer(std::chrono::hours(1));
        }
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "tst_memory_trimmer.moc"
