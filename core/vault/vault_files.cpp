#include "vault/vault_files.h"

#include "crypto/random.h"
#include "util/hex.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/vault_folder.h"
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

std::vector<std::string> tightenPermissions(const VaultPaths& paths)
{
    std::vector<std::string> warnings;
    constexpr auto kLoose = fs::perms::group_all | fs::perms::others_all;
    std::error_code ec;
    const auto dirPerms = fs::status(paths.dir, ec).permissions();
    if (!ec && (dirPerms & kLoose) != fs::perms::none) {
        fs::permissions(paths.dir, fs::perms::owner_all, fs::perm_options::replace, ec);
        warnings.push_back("The vault folder " + paths.dir.string() +
                           " could be opened by other users of this computer; it is now private to you.");
    }
    for (fs::directory_iterator it(paths.dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fileEc;
        const fs::file_status status = it->symlink_status(fileEc);
        if (fileEc || !fs::is_regular_file(status)) continue;
        if ((status.permissions() & kLoose) == fs::perms::none) continue;
        fs::permissions(it->path(), fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, fileEc);
        warnings.push_back(it->path().filename().string() +
                           " in the vault folder could be read by other users of this computer; it is now private "
                           "to you.");
    }
    return warnings;
}

void removeLeftovers(const VaultPaths& paths)
{
    removeStaleTemporaries(paths.keyFile());
    removeStaleTemporaries(paths.auditHead());
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(paths.dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if ((name.rfind("backup-snapshot-", 0) == 0 || name.rfind("vault.db.new", 0) == 0) && isVaultFileName(name))
            stale.push_back(it->path());
    }
    for (const fs::path& file : stale) fs::remove(file, ec);
}

fs::path newSnapshotPath(const VaultPaths& paths)
{
    return paths.dir / ("backup-snapshot-" + toHex(crypto::randomBytes(8)));
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
