#pragma once

#include "util/result.h"

#include <filesystem>

namespace noteward::sync::server {

// The server's data folder, made if missing (0700). One made here is the server's own; an
// existing one must already be private, not quietly changed (it might be a home folder
// given by mistake).
core::Result<void> ensurePrivateDataFolder(const std::filesystem::path& dir);

}  // namespace noteward::sync::server
