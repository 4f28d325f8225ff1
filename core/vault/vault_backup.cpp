// Whole-vault backup and restore. A backup file is
//   "NWVBAK01" | u32 key-file length | key file | u64 database length | database | SHA-256
// (lengths big-endian; the digest covers everything before it). The database inside is the
// SQLCipher file itself, still encrypted under the vault key, and the key file wraps that key
// under the passphrase in force when the backup was taken: the file is as safe as the vault.
#include "vault/vault.h"

#include "audit/audit_log.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"
#include "vault/migrations.h"
#include "vault/vault_files.h"
#include "vault/audit_head.h"
#include "vault/vault_folder.h"

#include <sqlite3.h>

#include <array>
#include <cstring>
#include <fstream>

namespace noteward::core::vault {

namespace fs = std::filesystem;

namespace {
constexpr std::array<std::uint8_t, 8> kMagic = {'N', 'W', 'V', 'B', 'A', 'K', '0', '1'};
constexpr std::uint32_t kMaxKeyFileSize = 64 * 1024;
constexpr std::size_t kCopyBlock = 1 << 20;

template <typename T>
std::array<std::uint8_t, sizeof(T)> bigEndian(T value)
{
    std::array<std::uint8_t, sizeof(T)> out{};
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out[sizeof(T) - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
    return out;
}

template <typename T>
T fromBigEndian(const std::uint8_t* bytes)
{
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) value = static_cast<T>((value << 8) | bytes[i]);
    return value;
}

Error notABackup(const fs::path& file)
{
    return makeError(ErrorCode::InvalidInput, file.string() + " is not a Noteward backup, or it is damaged or "
                                                              "truncated. Nothing was restored.");
}

// Writes `data` to the backup and to its running digest.
Result<void> emit(DurableFileWriter& out, crypto::Sha256& digest, ByteView data)
{
    digest.update(data);
    return out.write(data);
}

void copyDatabase(Database& source, Database& target)
{
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (backup == nullptr)
        throw DbError(sqlite3_errcode(target.handle()), std::string("backup: ") + sqlite3_errmsg(target.handle()));
    // One step copies every page under a single read transaction: a consistent snapshot even
    // while other connections keep writing.
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw DbError(rc, std::string("backup: ") + sqlite3_errstr(rc));
}

struct ParsedBackup {
    KeyFile header;
    std::uint64_t databaseOffset = 0;
    std::uint64_t databaseLength = 0;
};

// Reads the whole file once to check its digest and structure before anything is written.
Result<ParsedBackup> parseBackup(const fs::path& file)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) return makeError(ErrorCode::NotFound, "Cannot read the backup " + file.string() + ": " + ec.message());
    const std::uintmax_t minimum = kMagic.size() + 4 + 8 + 32;
    if (size < minimum) return notABackup(file);

    std::ifstream in(file, std::ios::binary);
    Bytes head(kMagic.size() + 4);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    if (!in || std::memcmp(head.data(), kMagic.data(), kMagic.size()) != 0) return notABackup(file);
    const auto keyLength = fromBigEndian<std::uint32_t>(head.data() + kMagic.size());
    if (keyLength > kMaxKeyFileSize || minimum + keyLength > size) return notABackup(file);
    Bytes keyBytes(keyLength);
    in.read(reinterpret_cast<char*>(keyBytes.data()), keyLength);
    std::uint8_t lengthBytes[8];
    in.read(reinterpret_cast<char*>(lengthBytes), 8);
    if (!in) return notABackup(file);
    const auto dbLength = fromBigEndian<std::uint64_t>(lengthBytes);
    if (minimum + keyLength + dbLength != size) return notABackup(file);

    crypto::Sha256 digest;
    digest.update(head).update(keyBytes).update(ByteView(lengthBytes, 8));
    Bytes block(kCopyBlock);
    for (std::uint64_t left = dbLength; left > 0;) {
        const auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(left, block.size()));
        in.read(reinterpret_cast<char*>(block.data()), n);
        if (!in) return notABackup(file);
        digest.update(ByteView(block.data(), static_cast<std::size_t>(n)));
        left -= static_cast<std::uint64_t>(n);
    }
    std::array<std::uint8_t, 32> stored{};
    in.read(reinterpret_cast<char*>(stored.data()), stored.size());
    if (!in || digest.finish() != stored) return notABackup(file);

    auto header = KeyFile::parse(keyBytes);
    if (!header) return header.error();
    return ParsedBackup{std::move(header.value()), kMagic.size() + 4 + keyLength + 8, dbLength};
}

Result<void> extractDatabase(const fs::path& backupFile, const ParsedBackup& parsed, const fs::path& target)
{
    std::ifstream in(backupFile, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(parsed.databaseOffset));
    DurableFileWriter out(target);
    if (auto r = out.open(); !r) return r;
    Bytes block(kCopyBlock);
    for (std::uint64_t left = parsed.databaseLength; left > 0;) {
        const auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(left, block.size()));
        in.read(reinterpret_cast<char*>(block.data()), n);
        if (!in) return makeError(ErrorCode::Io, "The backup could not be read.");
        if (auto r = out.write(ByteView(block.data(), static_cast<std::size_t>(n))); !r) return r;
        left -= static_cast<std::uint64_t>(n);
    }
    return out.commit();
}

}  // namespace

Result<void> Vault::backupTo(const fs::path& file)
{
    if (isLocked()) return lockedError();
    if (auto outside = checkOutsideVault(file, m_paths.dir); !outside) return outside.error();
    // The snapshot sits in the private vault folder, never beside the output.
    const fs::path snapshot = newSnapshotPath(m_paths);
    auto copied = guarded([&]() -> Result<void> {
        removeDatabaseFiles(snapshot);
        auto target = Database::open(snapshot, m_key, {.create = true, .cipherCompatibility = m_header.cipherCompatibility});
        copyDatabase(*m_db, *target);
        return Ok{};
    });
    struct RemoveSnapshot {
        fs::path path;
        ~RemoveSnapshot() { removeDatabaseFiles(path); }
    } cleanup{snapshot};
    if (!copied) return copied.error();

    const std::string header = m_header.serialize();
    std::error_code ec;
    const std::uint64_t dbLength = fs::file_size(snapshot, ec);
    if (ec) return makeError(ErrorCode::Io, "Could not read the vault snapshot: " + ec.message());

    DurableFileWriter out(file);
    crypto::Sha256 digest;
    if (auto r = out.open(); !r) return r;
    const auto headerLength = bigEndian(static_cast<std::uint32_t>(header.size()));
    const auto dbLengthBytes = bigEndian(dbLength);
    for (ByteView part : {ByteView(kMagic), ByteView(headerLength), asBytes(header), ByteView(dbLengthBytes)}) {
        if (auto r = emit(out, digest, part); !r) return r;
    }
    std::ifstream in(snapshot, std::ios::binary);
    Bytes block(kCopyBlock);
    for (std::uint64_t left = dbLength; left > 0;) {
        const auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(left, block.size()));
        in.read(reinterpret_cast<char*>(block.data()), n);
        if (!in) return makeError(ErrorCode::Io, "Could not read the vault snapshot.");
        if (auto r = emit(out, digest, ByteView(block.data(), static_cast<std::size_t>(n))); !r) return r;
        left -= static_cast<std::uint64_t>(n);
    }
    if (auto r = out.write(digest.finish()); !r) return r;
    return out.commit();
}

Result<void> Vault::restore(const fs::path& backupFile, const fs::path& dir, const crypto::SecretBytes& passphrase,
                            bool replace)
{
    const fs::path target = normalisedDirectory(dir);
    finishInterruptedRestore(target);
    std::error_code linkEc;
    if (fs::is_symlink(fs::symlink_status(target, linkEc)))
        return makeError(ErrorCode::InvalidInput, target.string() + " is a link to another folder; restore into " +
                                                      fs::canonical(target, linkEc).string() + " instead.");
    // Nobody else may have the vault open while its folder is swapped.
    auto lock = FolderLock::acquire(target, FolderLock::Mode::Exclusive);
    if (!lock) return lock.error();
    // Checked before the (slow) passphrase check too, so a wrong target is reported at once.
    if (auto ok = checkRestoreTarget(target, replace); !ok) return ok.error();
    auto parsed = parseBackup(backupFile);
    if (!parsed) return parsed.error();
    const KeyFile& header = parsed->header;
    auto key = guarded([&]() -> Result<std::optional<crypto::SecretBytes>> { return header.unwrap(passphrase.view()); });
    if (!key) return key.error();
    if (!key.value())
        return makeError(ErrorCode::WrongPassphrase,
                         "The passphrase does not open this backup (it needs the passphrase in use when the backup "
                         "was made). Nothing was restored.");

    // Assemble the restored vault in a sibling folder and swap folders at the end, so the
    // existing vault stays whole until the new one is known to be good.
    const fs::path staging = stagingFolder(target);
    const fs::path previous = replacedFolder(target);
    for (const fs::path& sibling : {staging, previous}) {
        std::error_code ec;
        if (fs::exists(fs::symlink_status(sibling, ec)))
            return makeError(ErrorCode::AlreadyExists,
                             sibling.string() + " is in the way and is not Noteward's to delete. Nothing was restored.");
    }
    if (auto made = createPrivateDirectory(staging); !made) return made.error();
    const VaultPaths stagingPaths{staging};

    // The head of the audit chain of the vault being replaced, so the restored log says what
    // it rolled back (ids and hashes only).
    const std::optional<audit::AuditHead> replacedHead = readAuditHead(VaultPaths{target});

    auto prepared = [&]() -> Result<void> {
        if (auto r = extractDatabase(backupFile, parsed.value(), stagingPaths.database()); !r) return r;
        if (auto r = writeFileAtomically(stagingPaths.keyFile(), asBytes(header.serialize())); !r) return r;
        auto db = openVaultDatabase(stagingPaths.database(), *key.value(), header.cipherCompatibility);
        if (!db) return db.error();
        return guarded([&]() -> Result<void> {
            if (db.value()->scalarText("PRAGMA integrity_check;") != "ok")
                return makeError(ErrorCode::Corrupt, "The vault inside the backup is damaged. Nothing was restored.");
            const std::string actor = db.value()->scalarText("SELECT id FROM local_user LIMIT 1;");
            Transaction tx(*db.value());
            audit::AuditLog log(*db.value());
            if (replacedHead)
                log.append(actor, audit::action::kVaultRolledBack, "audit",
                           std::to_string(replacedHead->seq) + ":" + replacedHead->hash);
            log.append(actor, audit::action::kVaultRestored, "vault", header.vaultId);
            tx.commit();
            if (auto r = writeAuditHead(stagingPaths, audit::AuditLog(*db.value()).head()); !r) return r;
            return writeFileAtomically(staging / kRestoreCompleteMarker, asBytes(std::string_view("ok\n")));
        });
    }();
    if (!prepared) {
        removeVaultFolder(staging);
        return prepared.error();
    }

    std::error_code ec;
    const bool hadVault = fs::exists(fs::symlink_status(target, ec)) && !fs::is_empty(target, ec);
    if (hadVault) {
        fs::rename(target, previous, ec);
        if (ec) {
            removeVaultFolder(staging);
            return makeError(ErrorCode::Io, "Could not move the existing vault aside: " + ec.message() +
                                                ". Nothing was changed.");
        }
        syncDirectory(target.parent_path());
    }
    // Renaming a folder over an empty one replaces it.
    fs::rename(staging, target, ec);
    if (ec) {
        const std::string why = ec.message();
        if (hadVault) fs::rename(previous, target, ec);
        removeVaultFolder(staging);
        return makeError(ErrorCode::Io, "Could not put the restored vault in place (" + why + "). Nothing was changed.");
    }
    syncDirectory(target.parent_path());
    finishInterruptedRestore(target, true);
    return Ok{};
}

}  // namespace noteward::core::vault
