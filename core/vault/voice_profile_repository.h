#pragma once

#include "util/result.h"

#include <optional>
#include <string>

namespace noteward::core::vault {

class Database;

// The therapist's enrolled voice model, as the JSON core/speech writes; one per user.
class VoiceProfileRepository {
public:
    explicit VoiceProfileRepository(Database& db) : m_db(db) {}

    Result<std::optional<std::string>> get(const std::string& userId);
    Result<void> set(const std::string& userId, const std::string& profileJson);
    // true if there was one to delete.
    Result<bool> remove(const std::string& userId);

private:
    Database& m_db;
};

}  // namespace noteward::core::vault
