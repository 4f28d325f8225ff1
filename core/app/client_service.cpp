#include "app/client_service.h"

#include "vault/vault.h"

namespace noteward::core::app {

Result<std::vector<model::Client>> ClientService::list(const std::string& query)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return query.empty() ? m_vault.clients().list() : m_vault.clients().searchByName(query);
}

Result<model::Client> ClientService::get(const std::string& id)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return m_vault.clients().get(id);
}

Result<model::Client> ClientService::add(model::Client client)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return m_vault.clients().add(std::move(client));
}

Result<model::Client> ClientService::update(model::Client client)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return m_vault.clients().update(std::move(client));
}

Result<std::vector<model::Session>> ClientService::sessions(const std::string& clientId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return m_vault.sessions().listForClient(clientId);
}

Result<model::Session> ClientService::addSession(model::Session session)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return m_vault.sessions().add(std::move(session));
}

Result<model::Session> ClientService::newSession(const std::string& clientId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    model::Session session;
    session.clientId = clientId;
    session.status = model::SessionStatus::InProgress;
    return m_vault.sessions().add(std::move(session));
}

}  // namespace noteward::core::app
