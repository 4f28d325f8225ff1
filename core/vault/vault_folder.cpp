#include "vault/vault_folder.h"

#include "vault/file_io.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <string_view>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace noteward::core::vault {

namespace fs = std::filesystem;

namespace {
constexpr std::array<std::string_view, 8> kExactNames = {
    "vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal", "vault.key", "unlock-failures.log", "audit.head",
    kRestoreCompleteMarker};
// Prefixes of temporaries: key file and head writes, a database being created or rekeyed, a
// backup snapshot (each followed by a suffix of Noteward's own).
constexpr std::array<std::string_view, 4> kTemporaryPrefixes = {"vault.key.", "audit.head.", "vault.db.new",
                                                                 "backup-snapshot-"};

// Only Noteward's own temporaries: `prefix` then 16 hex digits (and ".tmp" or a SQLite
// companion suffix), or "vault.db.new" with its companions, never a person's "vault.key.old".
bool isTemporaryName(const std::string& name)
{
    if (name == "vault.db.new" || name.rfind("vault.db.new-", 0) == 0) return true;
    for (std::string_view prefix : kTemporaryPrefixes) {
        if (prefix == "vault.db.new" || name.rfind(prefix, 0) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        if (rest.size() < 16 || rest.substr(0, 16).find_first_not_of("0123456789abcdef") != std::string::npos)
            continue;
        const std::string tail = rest.substr(16);
        if (tail.empty() || tail == ".tmp" || tail == "-wal" || tail == "-shm" || tail == "-journal") return true;
    }
    return false;
}

bool isDirectory(const fs::path& p)
{
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(p, ec));
}
}  // namespace

FolderLock::FolderLock(FolderLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept
{
    std::swap(m_fd, other.m_fd);
    return *this;
}

FolderLock::~FolderLock()
{
#ifndef _WIN32
    if (m_fd >= 0) ::close(m_fd);
#endif
}

Result<FolderLock> FolderLock::acquire(const fs::path& dir, Mode mode)
{
#ifndef _WIN32
    const fs::path target = normalisedDirectory(dir);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const fs::path file = fs::path(target).concat(".lock");
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return makeError(ErrorCode::Io, "Could not lock the vault folder (" + file.string() + ").");
    FolderLock lock(fd);
    if (auto r = lock.change(mode); !r) return r.error();
    return lock;
#else
    (void)dir;
    (void)mode;
    return FolderLock(-1);
#endif
}

Result<void> FolderLock::change(Mode mode)
{
#ifndef _WIN32
    if (::flock(m_fd, (mode == Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0)
        return makeError(ErrorCode::Busy, mode == Mode::Exclusive
                                              ? "The vault is open in another Noteward window or command; close it "
                                                "first. Nothing was changed."
                                              : "The vault is being restored or re-keyed by another Noteward "
                                                "command; try again when it has finished.");
#else
    (void)mode;
#endif
    return Ok{};
}

fs::path normalisedDirectory(const fs::path& dir)
{
    fs::path p = fs::absolute(dir).lexically_normal();
    while (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
    return p;
}

bool isVaultFileName(const std::string& name)
{
    for (std::string_view exact : kExactNames)
        if (name == exact) return true;
    return isTemporaryName(name);
}

fs::path foreignEntry(const fs::path& dir)
{
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::file_status status = it->symlink_status(ec);
        if (!fs::is_regular_file(status) || !isVaultFileName(it->path().filename().string())) return it->path();
    }
    if (ec) return dir;  // unreadable: treat as not ours
    return {};
}

Result<void> checkRestoreTarget(const fs::path& dir, bool replace)
{
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(dir, ec);
    if (status.type() == fs::file_type::not_found) return Ok{};
    if (!fs::is_directory(status))
        return makeError(ErrorCode::AlreadyExists, dir.string() +
                                                       " exists and is not a folder. Nothing was restored; choose a "
                                                       "new folder for the vault.");
    if (fs::is_empty(dir, ec) && !ec) return Ok{};
    const fs::path foreign = foreignEntry(dir);
    if (!foreign.empty())
        return makeError(ErrorCode::AlreadyExists,
                         dir.string() + " holds files that are not a Noteward vault's (" + foreign.filename().string() +
                             "). Nothing was restored and nothing was deleted; restore into a new or empty folder.");
    if (!replace)
        return makeError(ErrorCode::AlreadyExists, "A vault already exists at " + dir.string() +
                                                       ". Nothing was restored; to overwrite it, ask for the "
                                                       "existing vault to be replaced.");
    return Ok{};
}

fs::path stagingFolder(const fs::path& dir) { return fs::path(normalisedDirectory(dir)).concat(".restoring"); }
fs::path replacedFolder(const fs::path& dir) { return fs::path(normalisedDirectory(dir)).concat(".replaced"); }

void removeVaultFolder(const fs::path& dir)
{
    if (!isDirectory(dir) || !foreignEntry(dir).empty()) return;
    // The key file wraps the vault key under a passphrase: overwrite it before unlinking, so
    // the old passphrase stops opening a copy of the database that someone kept.
    const fs::path key = dir / "vault.key";
    std::error_code ec;
    if (const auto size = fs::file_size(key, ec); !ec && size > 0) {
        const std::string zeros(static_cast<std::size_t>(size), '\0');
        std::ofstream out(key, std::ios::binary | std::ios::in | std::ios::out);
        out.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
        out.flush();
    }
    fs::remove_all(dir, ec);
}

void finishInterruptedRestore(const fs::path& given, bool lockHeld)
{
    const fs::path dir = normalisedDirectory(given);
    std::optional<FolderLock> lock;
    if (!lockHeld) {
        // Cheap check first: most opens find nothing to finish and need no lock at all.
        std::error_code probe;
        if (!fs::exists(stagingFolder(dir), probe) && !fs::exists(replacedFolder(dir), probe)) return;
        auto taken = FolderLock::acquire(dir, FolderLock::Mode::Exclusive);
        if (!taken) return;  // someone is working on the folder: leave it to them
        lock.emplace(std::move(taken.value()));
    }
    const fs::path staging = stagingFolder(dir);
    const fs::path previous = replacedFolder(dir);
    std::error_code ec;
    // An empty folder in place counts as no vault (a restore may target one).
    const bool hasDir = fs::exists(fs::symlink_status(dir, ec)) && !(isDirectory(dir) && fs::is_empty(dir, ec));
    const bool stagedComplete = isDirectory(staging) && fs::exists(staging / kRestoreCompleteMarker, ec);
    if (!hasDir && (isDirectory(previous) || stagedComplete)) {
        // Killed between or before the renames: roll forward to a complete staging copy,
        // else back to the vault that was set aside.
        if (isDirectory(dir)) fs::remove(dir, ec);  // empty, checked above
        fs::rename(stagedComplete ? staging : previous, dir, ec);
        if (ec) return;  // leave everything as it is; the next attempt tries again
        syncDirectory(dir.parent_path());
    }
    if (fs::exists(dir / kRestoreCompleteMarker, ec)) {
        fs::remove(dir / kRestoreCompleteMarker, ec);
        syncDirectory(dir);
    }
    // With a vault in place, the leftovers are the replaced vault (its removal is what the
    // person asked for) and an unfinished staging copy.
    if (fs::exists(fs::symlink_status(dir, ec)) && !(isDirectory(dir) && fs::is_empty(dir, ec))) {
        removeVaultFolder(previous);
        removeVaultFolder(staging);
    }
}

Result<void> checkOutsideVault(const fs::path& output, const fs::path& vaultDir)
{
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(output), ec);
    if (ec) return makeError(ErrorCode::InvalidInput, "The output path " + output.string() + " cannot be used.");
    const fs::path vault = fs::weakly_canonical(normalisedDirectory(vaultDir), ec);
    if (ec) return Ok{};
    const auto [vaultEnd, outIt] = std::mismatch(vault.begin(), vault.end(), out.begin(), out.end());
    if (vaultEnd == vault.end())
        return makeError(ErrorCode::InvalidInput, "Refusing to write " + output.string() +
                                                      " inside the vault folder; choose a place outside " +
                                                      vaultDir.string() + ".");
    if (out.parent_path().empty() || !isDirectory(out.parent_path()))
        return makeError(ErrorCode::NotFound, "The folder " + out.parent_path().string() + " does not exist.");
    return Ok{};
}

}  // namespace noteward::core::vault
