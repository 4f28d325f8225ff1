#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"
#include "vault/key_file.h"
#include "vault/vault_paths.h"

#include <memory>
#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

// Checks done before a vault database is touched: both files present, the database not a
// plain SQLite file and not truncated. Shared by open and restore.
Result<void> checkDatabaseFile(const std::filesystem::path& file);
Result<KeyFile> readKeyFile(const VaultPaths& paths);

// Makes the vault folder 0700 and its files 0600 where they were looser; returns a warning
// for each that was (a vault readable by others is worth telling its owner about).
std::vector<std::string> tightenPermissions(const VaultPaths& paths);

// Temporaries that killed writers left in the vault folder: key file and head writes, a
// database being created, backup snapshots. Only when no other process has the vault open.
void removeLeftovers(const VaultPaths& paths);

// Where a backup takes its snapshot: inside the (private) vault folder, under a fresh name.
std::filesystem::path newSnapshotPath(const VaultPaths& paths);

// Removes a database file and its -wal/-shm/-journal companions, ignoring absent ones.
void removeDatabaseFiles(const std::filesystem::path& file);

// Opens a vault database with its key and brings it to the current schema, refusing files
// from a newer build before anything is written.
Result<std::unique_ptr<Database>> openVaultDatabase(const std::filesystem::path& file, const crypto::SecretBytes& key,
                                                    int cipherCompatibility);

}  // namespace noteward::core::vault
