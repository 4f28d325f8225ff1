#pragma once

#include "model/session.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

// Therapy sessions in the vault. Every change writes its audit entry in the same transaction.
class SessionRepository {
public:
    SessionRepository(Database& db, std::string actorId) : m_db(db), m_actor(std::move(actorId)) {}

    // The client must exist; startedAt defaults to now.
    Result<model::Session> add(model::Session session);
    Result<model::Session> get(const std::string& id);
    Result<std::vector<model::Session>> listForClient(const std::string& clientId);  // newest first
    Result<model::Session> update(model::Session session);
    Result<void> remove(const std::string& id);

private:
    Database& m_db;
    std::string m_actor;
};

}  // namespace noteward::core::vault
