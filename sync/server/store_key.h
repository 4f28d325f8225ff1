#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"

#include <filesystem>

namespace noteward::sync::server {

// The server's own 256-bit key, in a file of its own (64 hex digits, mode 0600): the
// embedded store's SQLCipher key, and with PostgreSQL the key that seals the TOTP secrets.

// The key from its file; refused when others can read the file.
core::Result<core::crypto::SecretBytes> readStoreKeyFile(const std::filesystem::path& keyFile);

// The key, made on first use when nothing it protects exists yet (`storeExists` false); when
// something does and the file is missing, an error, never a fresh key that would hide it.
core::Result<core::crypto::SecretBytes> loadOrCreateStoreKey(const std::filesystem::path& keyFile, bool storeExists);

}  // namespace noteward::sync::server
