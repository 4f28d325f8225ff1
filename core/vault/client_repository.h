#pragma once

#include "model/client.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace noteward::core::vault {

class Database;

// Clients in the vault. Every change writes its audit entry in the same transaction.
class ClientRepository {
public:
    ClientRepository(Database& db, std::string actorId) : m_db(db), m_actor(std::move(actorId)) {}

    // Validates, assigns id and timestamps, stores.
    Result<model::Client> add(model::Client client);
    // All of them in one transaction: all stored or none (imports, benchmarks).
    Result<std::vector<model::Client>> addAll(std::vector<model::Client> clients);
    Result<model::Client> get(const std::string& id);
    Result<std::vector<model::Client>> list();  // by name
    // Clients whose name contains `query`, ignoring ASCII case; by name.
    Result<std::vector<model::Client>> searchByName(std::string_view query);
    Result<model::Client> update(model::Client client);
    // Refused while the client still has sessions (erasure is its own process).
    Result<void> remove(const std::string& id);

private:
    model::Client insertOne(model::Client client);
    Database& m_db;
    std::string m_actor;
};

}  // namespace noteward::core::vault
