#pragma once

#include "audit/audit_log.h"
#include "util/result.h"
#include "vault/vault_paths.h"

#include <optional>

namespace noteward::core::vault {

// `audit.head` beside the vault: the sequence number and hash of the newest audit entry, as
// last seen when the vault was closed. Entries cut from the end of the log while Noteward was
// not running show as a log that ends before this head. It holds ids and hashes only. It can
// lag behind the log (a killed process), never run ahead of it, so it gives no false alarm.
// It is a tripwire, not a proof: whoever holds the passphrase can rewrite it too (the sync
// server keeps the copy that they cannot).
std::optional<audit::AuditHead> readAuditHead(const VaultPaths& paths);
Result<void> writeAuditHead(const VaultPaths& paths, const std::optional<audit::AuditHead>& head);

// Vault flag that says a head has been written for this vault, so a missing file is a finding.
inline constexpr const char* kAuditHeadSetting = "audit.head_written";

}  // namespace noteward::core::vault
