#pragma once

#include <filesystem>

namespace noteward::core::vault {

// The files of one vault folder.
struct VaultPaths {
    std::filesystem::path dir;

    std::filesystem::path database() const { return dir / "vault.db"; }
    std::filesystem::path keyFile() const { return dir / "vault.key"; }
    // Times of failed unlocks, which cannot be written into a vault that did not open; moved
    // into the audit log at the next successful unlock. Holds timestamps only.
    std::filesystem::path failedUnlocks() const { return dir / "unlock-failures.log"; }
    // The newest audit entry's sequence number and hash (see audit_head.h).
    std::filesystem::path auditHead() const { return dir / "audit.head"; }
};

// NOTEWARD_VAULT if set, else the platform's per-user data folder + Noteward/vault
// (~/.local/share/Noteward/vault on Linux). Shared by the desktop app and the CLI.
std::filesystem::path defaultVaultDirectory();

}  // namespace noteward::core::vault
