#include "vault/vault_files.h"

#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"
#include "vault/migrations.h"

#include <cstring>
#include <fstream>

namespace noteward::core::vault {

namespace fs = std::filesystem;

namespace {
constexpr std::uintmax_t kMaxKeyFileSize = 64 * 1024;
// Every SQLCipher page size (1024 in 3.x, 4096 in 4.x) is a multiple of this.
constexpr std::uintmax_t kMinPageSize = 1024;
}  // namespace

Result<void> checkDatabaseFile(const fs::path& file)
{
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return makeError(ErrorCode::Corrupt, "The vault database (" + file.filename().string() + ") is missing.");
    char head[16] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(head, sizeof head);
    if (in.gcount() == sizeof head && std::memcmp(head, "SQLite format 3", 16) == 0)
        return makeError(ErrorCode::NotAVault, file.filename().string() +
                                                   " is an unencrypted SQLite database, not a Noteward vault. "
                                                   "Refusing to open it.");
    if (size < kMinPageSize || size % kMinPageSize != 0)
        return makeError(ErrorCode::Corrupt,
                         "The vault database is truncated or damaged. Restore it from a backup.");
    return Ok{};
}

Result<KeyFile> readKeyFile(const VaultPaths& paths)
{
    const bool hasKey = fs::exists(paths.keyFile());
    const bool hasDb = fs::exists(paths.database());
    if (!hasKey && !hasDb)
        return makeError(ErrorCode::NotAVault, "There is no Noteward vault at " + paths.dir.string() +
                                                   ". Create one with 'noteward-cli init' or the desktop app.");
    if (!hasKey)
        return makeError(ErrorCode::Corrupt, "The vault at " + paths.dir.string() +
                                                 " has lost its key file (vault.key), so it cannot be opened. "
                                                 "Restore it from a backup.");
    auto bytes = readWholeFile(paths.keyFile(), kMaxKeyFileSize);
    if (!bytes) return makeError(ErrorCode::NotAVault, "vault.key is not a Noteward key file.");
    return KeyFile::parse(bytes.value());
}

void removeDatabaseFiles(const fs::path& file)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(file).concat(suffix), ec);
}

Result<std::unique_ptr<Database>> openVaultDatabase(const fs::path& file, const crypto::SecretBytes& key,
                                                    int cipherCompatibility)
{
    if (auto check = checkDatabaseFile(file); !check) return check.error();
    return guarded([&]() -> Result<std::unique_ptr<Database>> {
        auto db = Database::open(file, key, {.create = false, .cipherCompatibility = cipherCompatibility});
        if (schemaVersion(*db) > latestSchemaVersion()) {
            auto refused = migrate(*db);  // reports FromTheFuture without writing
            return refused.error();
        }
        db->exec("PRAGMA busy_timeout = 5000;");
        db->exec("PRAGMA journal_mode = WAL;");
        // FULL: a committed clinical change survives a power cut, not just a crash.
        db->exec("PRAGMA synchronous = FULL;");
        db->exec("PRAGMA foreign_keys = ON;");
        db->exec("PRAGMA temp_store = MEMORY;");
        db->exec("PRAGMA secure_delete = ON;");
        if (auto migrated = migrate(*db); !migrated) return migrated.error();
        return db;
    });
}

}  // namespace noteward::core::vault
