#pragma once

#include "model/practice.h"
#include "util/result.h"

#include <string>

namespace noteward::core::vault {

class Database;

struct Profile {
    model::Practice practice;
    model::LocalUser user;
};

// The practice and the therapist who own this vault (one of each per device vault).
class PracticeRepository {
public:
    PracticeRepository(Database& db, std::string actorId) : m_db(db), m_actor(std::move(actorId)) {}

    Result<Profile> load();
    Result<model::Practice> renamePractice(const std::string& name);
    Result<model::LocalUser> updateUser(const std::string& displayName, const std::optional<std::string>& email);

private:
    Database& m_db;
    std::string m_actor;
};

}  // namespace noteward::core::vault
