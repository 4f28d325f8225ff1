#include "server/store_backup.h"

#include "server/erasure_list.h"
#include "server/store_key.h"

#include "crypto/random.h"
#include "server/embedded_store.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"

#include <sqlite3.h>

#include <fstream>
#include <sstream>


namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;
using core::vault::Database;

namespace {

// Every page of `from` into `to`, in one step: one read transaction, so a consistent
// snapshot even while the server writes.
void copyPages(Database& from, Database& to)
{
    sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup) throw core::vault::DbError(sqlite3_errcode(to.handle()), "backup init");
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw core::vault::DbError(rc, "backup step");
}

std::filesystem::path blobFile(const std::filesystem::path& dataDir, const std::string& hash)
{
    return dataDir / "blobs" / hash.substr(0, 2) / hash;
}

}  // namespace

core::Result<BackupSummary> backupStore(const std::filesystem::path& dataDir, const std::filesystem::path& keyFile,
                                        const std::filesystem::path& out)
{
    auto key = readStoreKeyFile(keyFile);
    if (!key) return key.error();
    const auto storeFile = dataDir / "store.db";
    std::error_code ec;
    if (!std::filesystem::exists(storeFile, ec)) return makeError(ErrorCode::NotFound, "No store in " + dataDir.string() + ".");
    const auto temp = out.string() + "." + core::crypto::randomUuid() + ".tmp";
    auto made = core::vault::guarded([&]() -> core::Result<BackupSummary> {
        BackupSummary summary;
        auto source = Database::open(storeFile, key.value(), {.create = false, .cipherCompatibility = 0});
        source->exec("PRAGMA busy_timeout = 5000;");
        auto backup = Database::open(temp, key.value(), {.create = true, .cipherCompatibility = 0});
        copyPages(*source, *backup);
        // The chunks listed in the snapshot, with their bytes; one erased since (its file gone)
        // leaves the backup with it.
        backup->exec("CREATE TABLE backup_blobs (hash TEXT PRIMARY KEY, data BLOB NOT NULL);");
        std::vector<std::string> hashes;
        for (auto st = backup->prepare("SELECT hash FROM blobs;"); st.step();) hashes.push_back(st.text(0));
        core::vault::Transaction tx(*backup);
        for (const auto& hash : hashes) {
            auto bytes = core::vault::readWholeFile(blobFile(dataDir, hash), 1ULL << 32);
            if (!bytes) {
                backup->prepare("DELETE FROM blobs WHERE hash = ?;").bind(1, hash).run();
                continue;
            }
            backup->prepare("INSERT INTO backup_blobs (hash, data) VALUES (?, ?);").bind(1, hash).bind(2, core::ByteView(*bytes)).run();
            ++summary.blobs;
        }
        tx.commit();
        return summary;
    });
    if (!made) {
        std::filesystem::remove(temp, ec);
        return made.error();
    }
    std::filesystem::rename(temp, out, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        return makeError(ErrorCode::Io, "Cannot write the backup " + out.string() + ".");
    }
    return made;
}

core::Result<BackupSummary> restoreStore(const std::filesystem::path& dataDir, const std::filesystem::path& keyFile,
                                         const std::filesystem::path& from)
{
    auto key = readStoreKeyFile(keyFile);
    if (!key) return key.error();
    std::error_code ec;
    if (!std::filesystem::exists(from, ec)) return makeError(ErrorCode::NotFound, "No backup at " + from.string() + ".");
    std::filesystem::create_directories(dataDir, ec);
    // No store may be opening meanwhile (an opening store may sweep the blob folder, with its
    // in-use lock briefly exclusive): the opening lock is held for the whole restore.
    auto opening = StoreLock::take(StoreLock::openingPath(dataDir), StoreLock::Mode::Exclusive, StoreLock::Wait::Block);
    if (!opening) return opening.error();
    // Nothing may have the store open: the server and admin commands hold a shared lock.
    auto inUse = StoreLock::take(StoreLock::inUsePath(dataDir), StoreLock::Mode::Exclusive, StoreLock::Wait::Try);
    if (!inUse && inUse.error().code == ErrorCode::Busy)
        return makeError(ErrorCode::Busy, "The store is in use: stop noteward-syncd (and any admin command) before a restore.");
    if (!inUse) return inUse.error();
    const auto storeFile = dataDir / "store.db";
    const auto temp = dataDir / ("store.db." + core::crypto::randomUuid() + ".restoring");
    auto copied = core::vault::guarded([&]() -> core::Result<BackupSummary> {
        BackupSummary summary;
        std::unique_ptr<Database> backup;
        try {
            backup = Database::open(from, key.value(), {.create = false, .cipherCompatibility = 0});
        } catch (const core::vault::DbError&) {
            return makeError(ErrorCode::InvalidInput, "The backup " + from.string() +
                                                          " cannot be read with this key file: another store's backup, or damaged.");
        }
        if (backup->scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'backup_blobs';") != 1)
            return makeError(ErrorCode::InvalidInput, from.string() + " is not a noteward-syncd backup.");
        for (auto st = backup->prepare("SELECT hash, data FROM backup_blobs;"); st.step();) {
            const std::string hash = st.text(0);
            const auto file = blobFile(dataDir, hash);
            std::filesystem::create_directories(file.parent_path(), ec);
            const auto bytes = st.blob(1);
            if (auto written = core::vault::writeFileAtomically(file, bytes); !written) return written.error();
            ++summary.blobs;
        }
        auto restored = Database::open(temp, key.value(), {.create = true, .cipherCompatibility = 0});
        copyPages(*backup, *restored);
        restored->exec("DROP TABLE backup_blobs;");
        return summary;
    });
    if (!copied) {
        std::filesystem::remove(temp, ec);
        return copied.error();
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(storeFile.string() + suffix, ec);
    std::filesystem::rename(temp, storeFile, ec);
    // The store is whole again; opening it below takes both locks as usual.
    inUse->release();
    opening->release();
    if (ec) return makeError(ErrorCode::Io, "Cannot put the restored store in place: " + ec.message());

    // Erasures made after the backup are made again, before anything is served.
    auto store = EmbeddedStore::open(dataDir, keyFile);
    if (!store) return store.error();
    BackupSummary summary = copied.value();
    auto replayed = replayErasures(**store, dataDir);
    if (!replayed) return replayed.error();
    summary.erasuresReplayed = replayed.value();
    return summary;
}

}  // namespace noteward::sync::server
