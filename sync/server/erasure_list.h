#pragma once

#include "util/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace noteward::sync::server {

class ServerStore;

// The erasure list: one "client practice" line per erasure, ids only, kept in the data folder
// outside the store, so a restored backup (of either backend) can be brought up to date by
// making every later erasure again before anything is served.
std::filesystem::path erasureListPath(const std::filesystem::path& dataDir);

// Appended and flushed to disk before the erasure is reported done.
core::Result<void> appendErasure(const std::filesystem::path& dataDir, const std::string& clientId, const std::string& practiceId);

// Every listed client the store still holds is erased again; how many were.
core::Result<std::size_t> replayErasures(ServerStore& store, const std::filesystem::path& dataDir);

}  // namespace noteward::sync::server
