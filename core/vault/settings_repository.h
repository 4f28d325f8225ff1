#pragma once

#include "util/result.h"

#include <map>
#include <optional>
#include <string>

namespace noteward::core::vault {

class Database;

// Key/value settings stored inside the vault (so they are encrypted too): the chosen audio
// device, engines, auto-lock delay and so on.
class SettingsRepository {
public:
    explicit SettingsRepository(Database& db) : m_db(db) {}

    Result<std::optional<std::string>> get(const std::string& key);
    Result<void> set(const std::string& key, const std::string& value);
    Result<std::map<std::string, std::string>> all();

private:
    Database& m_db;
};

}  // namespace noteward::core::vault
