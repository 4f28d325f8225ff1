#pragma once

#include "util/result.h"

#include <filesystem>

namespace noteward::sync::server {

struct BackupSummary {
    std::size_t blobs = 0;
    std::size_t erasuresReplayed = 0;
};

// admin backup: a consistent snapshot of the embedded store taken while the server runs
// (SQLite's online backup, in one read transaction), with every listed blob's bytes inside
// it: one file, encrypted with the store's own key (so the key file is needed to restore,
// and is kept apart from the backups).
core::Result<BackupSummary> backupStore(const std::filesystem::path& dataDir, const std::filesystem::path& keyFile,
                                        const std::filesystem::path& out);

// admin restore: with the server stopped, the backup becomes the store (blob files written
// back), then every client on the data folder's erasure list that the backup still holds is
// erased again before anything is served: an erasure made after the backup stays made.
core::Result<BackupSummary> restoreStore(const std::filesystem::path& dataDir, const std::filesystem::path& keyFile,
                                         const std::filesystem::path& from);

}  // namespace noteward::sync::server
