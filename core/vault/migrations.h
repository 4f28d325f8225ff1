#pragma once

#include "util/result.h"

#include <span>
#include <string_view>

namespace noteward::core::vault {

class Database;

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

// Every schema step ever shipped, in order. Append only: a released step is never edited.
std::span<const Migration> migrations();
int latestSchemaVersion();

// Schema version recorded in the file (PRAGMA user_version).
int schemaVersion(Database& db);

// Brings the file up to `target` one step at a time, each step in its own transaction
// together with its user_version, so an interrupted upgrade resumes cleanly. A file newer
// than this build refuses with FromTheFuture before anything is written.
Result<void> migrate(Database& db, int target = latestSchemaVersion());

}  // namespace noteward::core::vault
