#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"
#include "vault/key_file.h"
#include "vault/vault_paths.h"

#include <memory>

namespace noteward::core::vault {

class Database;

// Checks done before a vault database is touched: both files present, the database not a
// plain SQLite file and not truncated. Shared by open and restore.
Result<void> checkDatabaseFile(const std::filesystem::path& file);
Result<KeyFile> readKeyFile(const VaultPaths& paths);

// Removes a database file and its -wal/-shm/-journal companions, ignoring absent ones.
void removeDatabaseFiles(const std::filesystem::path& file);

// Opens a vault database with its key and brings it to the current schema, refusing files
// from a newer build before anything is written.
Result<std::unique_ptr<Database>> openVaultDatabase(const std::filesystem::path& file, const crypto::SecretBytes& key,
                                                    int cipherCompatibility);

}  // namespace noteward::core::vault
