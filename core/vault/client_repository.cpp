#include "vault/client_repository.h"

#include "audit/audit_log.h"
#include "crypto/random.h"
#include "model/validation.h"
#include "util/clock.h"
#include "util/text.h"
#include "vault/database.h"
#include "vault/guarded.h"

#include <sqlite3.h>

namespace noteward::core::vault {

namespace {
constexpr std::string_view kColumns =
    "SELECT id, name, date_of_birth, email, phone, address, nhs_number, status, created_at, updated_at FROM clients ";

model::Client readClient(const Statement& st)
{
    model::Client c;
    c.id = st.text(0);
    c.name = st.text(1);
    c.dateOfBirth = st.optionalText(2);
    c.contact = {st.optionalText(3), st.optionalText(4), st.optionalText(5)};
    c.nhsNumber = st.optionalText(6);
    c.status = model::clientStatusFromString(st.text(7)).value_or(model::ClientStatus::Active);
    c.createdAt = st.text(8);
    c.updatedAt = st.text(9);
    return c;
}

std::vector<model::Client> readAll(Statement& st)
{
    std::vector<model::Client> out;
    while (st.step()) out.push_back(readClient(st));
    return out;
}

Error notFound(const std::string& id)
{
    return makeError(ErrorCode::NotFound, "No client with id " + id + ".");
}

// The unique index on NHS numbers is the only constraint a valid client can hit.
bool isDuplicateNhsNumber(const DbError& e)
{
    return (e.sqliteCode() & 0xff) == SQLITE_CONSTRAINT;
}

Error duplicateNhsNumber()
{
    return makeError(ErrorCode::AlreadyExists, "Another client already has that NHS number.");
}

Result<model::Client> validated(model::Client client)
{
    return model::validateClient(std::move(client), nowUtcIso8601().substr(0, 10));
}

void bindFields(Statement& st, const model::Client& c)
{
    st.bind(2, c.name)
        .bind(3, foldCase(c.name))
        .bind(4, c.dateOfBirth)
        .bind(5, c.contact.email)
        .bind(6, c.contact.phone)
        .bind(7, c.contact.address)
        .bind(8, c.nhsNumber)
        .bind(9, model::toString(c.status))
        .bind(10, c.updatedAt);
}
}  // namespace

model::Client ClientRepository::insertOne(model::Client client)
{
    client.id = crypto::randomUuid();
    client.createdAt = client.updatedAt = nowUtcIso8601();
    auto st = m_db.prepare(
        "INSERT INTO clients (id, name, name_folded, date_of_birth, email, phone, address, nhs_number, status, "
        "updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);");
    st.bind(1, client.id);
    bindFields(st, client);
    st.bind(11, client.createdAt).run();
    audit::AuditLog(m_db).append(m_actor, audit::action::kClientCreated, "client", client.id);
    return client;
}

Result<model::Client> ClientRepository::add(model::Client client)
{
    auto valid = validated(std::move(client));
    if (!valid) return valid.error();
    return guarded([&]() -> Result<model::Client> {
        try {
            Transaction tx(m_db);
            model::Client stored = insertOne(std::move(valid.value()));
            tx.commit();
            return stored;
        } catch (const DbError& e) {
            if (isDuplicateNhsNumber(e)) return duplicateNhsNumber();
            throw;
        }
    });
}

Result<std::vector<model::Client>> ClientRepository::addAll(std::vector<model::Client> clients)
{
    for (auto& c : clients) {
        auto valid = validated(std::move(c));
        if (!valid) return valid.error();
        c = std::move(valid.value());
    }
    return guarded([&]() -> Result<std::vector<model::Client>> {
        try {
            Transaction tx(m_db);
            std::vector<model::Client> stored;
            stored.reserve(clients.size());
            for (auto& c : clients) stored.push_back(insertOne(std::move(c)));
            tx.commit();
            return stored;
        } catch (const DbError& e) {
            if (isDuplicateNhsNumber(e)) return duplicateNhsNumber();
            throw;
        }
    });
}

Result<model::Client> ClientRepository::get(const std::string& id)
{
    return guarded([&]() -> Result<model::Client> {
        auto st = m_db.prepare(std::string(kColumns) + "WHERE id = ?;");
        st.bind(1, id);
        if (!st.step()) return notFound(id);
        return readClient(st);
    });
}

Result<std::vector<model::Client>> ClientRepository::list()
{
    return guarded([&]() -> Result<std::vector<model::Client>> {
        auto st = m_db.prepare(std::string(kColumns) + "ORDER BY name_folded, id;");
        return readAll(st);
    });
}

Result<std::vector<model::Client>> ClientRepository::searchByName(std::string_view query)
{
    return guarded([&]() -> Result<std::vector<model::Client>> {
        auto st = m_db.prepare(std::string(kColumns) + "WHERE instr(name_folded, ?) > 0 ORDER BY name_folded, id;");
        st.bind(1, foldCase(query));
        return readAll(st);
    });
}

Result<model::Client> ClientRepository::update(model::Client client)
{
    auto valid = validated(std::move(client));
    if (!valid) return valid.error();
    model::Client& c = valid.value();
    c.updatedAt = nowUtcIso8601();
    return guarded([&]() -> Result<model::Client> {
        try {
            Transaction tx(m_db);
            auto st = m_db.prepare(
                "UPDATE clients SET name = ?2, name_folded = ?3, date_of_birth = ?4, email = ?5, phone = ?6, "
                "address = ?7, nhs_number = ?8, status = ?9, updated_at = ?10 WHERE id = ?1;");
            st.bind(1, c.id);
            bindFields(st, c);
            st.run();
            if (m_db.changes() == 0) return notFound(c.id);
            audit::AuditLog(m_db).append(m_actor, audit::action::kClientUpdated, "client", c.id);
            tx.commit();
            return get(c.id);
        } catch (const DbError& e) {
            if (isDuplicateNhsNumber(e)) return duplicateNhsNumber();
            throw;
        }
    });
}

Result<void> ClientRepository::remove(const std::string& id)
{
    return guarded([&]() -> Result<void> {
        Transaction tx(m_db);
        auto sessions = m_db.prepare("SELECT count(*) FROM sessions WHERE client_id = ?;");
        sessions.bind(1, id);
        sessions.step();
        if (sessions.int64(0) > 0)
            return makeError(ErrorCode::InvalidInput,
                             "This client has sessions, so the record cannot simply be deleted; "
                             "use GDPR erasure instead.");
        m_db.prepare("DELETE FROM clients WHERE id = ?;").bind(1, id).run();
        if (m_db.changes() == 0) return notFound(id);
        audit::AuditLog(m_db).append(m_actor, audit::action::kClientDeleted, "client", id);
        tx.commit();
        return Ok{};
    });
}

}  // namespace noteward::core::vault
