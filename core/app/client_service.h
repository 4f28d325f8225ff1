#pragma once

#include "model/client.h"
#include "model/session.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

// Clients and their sessions as both front ends list and add them.
class ClientService {
public:
    explicit ClientService(vault::Vault& vault) : m_vault(vault) {}

    // By name; `query` (if not empty) matches any part of the name, ignoring case.
    Result<std::vector<model::Client>> list(const std::string& query = {});
    Result<model::Client> get(const std::string& id);
    Result<model::Client> add(model::Client client);
    Result<model::Client> update(model::Client client);
    // Newest first.
    Result<std::vector<model::Session>> sessions(const std::string& clientId);
    // A session starting now, in progress (the desktop app's "New session").
    Result<model::Session> newSession(const std::string& clientId);
    // A session as given (a scheduled one, or one with its own start time).
    Result<model::Session> addSession(model::Session session);

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::app
