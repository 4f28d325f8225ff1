#pragma once

#include "util/result.h"

#include <filesystem>
#include <string>

namespace noteward::core::vault {

// The vault folder as a whole: what belongs in it, and the folder swap that restore uses.
//
// A restore builds the new vault in `<dir>.restoring`, marks it complete, moves the old
// vault to `<dir>.replaced` and the new one into `<dir>`. A process killed between those
// two renames leaves no `<dir>`; finishInterruptedRestore() rolls forward (the new vault was
// complete) or back (it was not), so the only copy of a vault is never deleted.

// An advisory lock on a vault folder, held in `<dir>.lock` beside it: shared by every open
// Vault (any process), exclusive for what swaps the folder (restore, re-key, finishing an
// interrupted swap), so a folder is never swapped under a running Noteward. Never blocks.
class FolderLock {
public:
    enum class Mode { Shared, Exclusive };
    static Result<FolderLock> acquire(const std::filesystem::path& dir, Mode mode);
    FolderLock(FolderLock&& other) noexcept;
    FolderLock& operator=(FolderLock&& other) noexcept;
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    ~FolderLock();
    // Exclusive only if no one else holds the lock; Busy otherwise (the lock stays as it was).
    Result<void> change(Mode mode);

private:
    explicit FolderLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

// `dir` without a trailing separator, absolute and normalised ("r1/" and "./r1" are "r1").
std::filesystem::path normalisedDirectory(const std::filesystem::path& dir);

// Whether a file of this name is one that Noteward itself keeps in a vault folder (the
// database and its companions, the key file, the failed-unlock note, the audit head, and
// temporaries of interrupted writes). Anything else was put there by someone else.
bool isVaultFileName(const std::string& name);

// The first entry of `dir` that is not a vault's own file, or empty if there is none.
std::filesystem::path foreignEntry(const std::filesystem::path& dir);

// Restore may write to `dir` only if it is missing, an empty folder, or (with `replace`) a
// folder holding a vault and nothing else. Clear errors otherwise; nothing is touched.
Result<void> checkRestoreTarget(const std::filesystem::path& dir, bool replace);

std::filesystem::path stagingFolder(const std::filesystem::path& dir);   // <dir>.restoring
std::filesystem::path replacedFolder(const std::filesystem::path& dir);  // <dir>.replaced
// Written into the staging folder once the restored vault has been verified.
inline constexpr const char* kRestoreCompleteMarker = "restore.complete";

// Completes or rolls back a restore that was killed mid-swap, and removes what a finished or
// failed restore left behind (only folders holding nothing but a vault's own files). Does
// nothing while another Noteward holds the folder; the caller holds the exclusive lock or
// none (it is taken here when free).
void finishInterruptedRestore(const std::filesystem::path& dir, bool lockHeld = false);

// Removes a folder that holds only a vault's own files; leaves anything else alone.
void removeVaultFolder(const std::filesystem::path& dir);

// Refuses an output file inside the vault folder (a backup or an export written over
// vault.key or vault.db would destroy the vault).
Result<void> checkOutsideVault(const std::filesystem::path& output, const std::filesystem::path& vaultDir);

}  // namespace noteward::core::vault
