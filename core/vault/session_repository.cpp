#include "vault/session_repository.h"

#include "audit/audit_log.h"
#include "crypto/random.h"
#include "model/validation.h"
#include "util/clock.h"
#include "vault/database.h"
#include "vault/guarded.h"

namespace noteward::core::vault {

namespace {
constexpr std::string_view kColumns =
    "SELECT id, client_id, started_at, duration_seconds, status, created_at, updated_at FROM sessions ";

model::Session readSession(const Statement& st)
{
    model::Session s;
    s.id = st.text(0);
    s.clientId = st.text(1);
    s.startedAt = st.text(2);
    s.durationSeconds = st.int64(3);
    s.status = model::sessionStatusFromString(st.text(4)).value_or(model::SessionStatus::Scheduled);
    s.createdAt = st.text(5);
    s.updatedAt = st.text(6);
    return s;
}

Error notFound(const std::string& id)
{
    return makeError(ErrorCode::NotFound, "No session with id " + id + ".");
}

bool clientExists(Database& db, const std::string& clientId)
{
    auto st = db.prepare("SELECT 1 FROM clients WHERE id = ?;");
    st.bind(1, clientId);
    return st.step();
}
}  // namespace

Result<model::Session> SessionRepository::add(model::Session session)
{
    if (session.startedAt.empty()) session.startedAt = nowUtcIso8601();
    auto valid = model::validateSession(std::move(session));
    if (!valid) return valid.error();
    model::Session& s = valid.value();
    return guarded([&]() -> Result<model::Session> {
        Transaction tx(m_db);
        if (!clientExists(m_db, s.clientId))
            return makeError(ErrorCode::NotFound, "No client with id " + s.clientId + ".");
        s.id = crypto::randomUuid();
        s.createdAt = s.updatedAt = nowUtcIso8601();
        m_db.prepare("INSERT INTO sessions (id, client_id, started_at, duration_seconds, status, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?);")
            .bind(1, s.id)
            .bind(2, s.clientId)
            .bind(3, s.startedAt)
            .bind(4, s.durationSeconds)
            .bind(5, model::toString(s.status))
            .bind(6, s.createdAt)
            .bind(7, s.updatedAt)
            .run();
        audit::AuditLog(m_db).append(m_actor, audit::action::kSessionCreated, "session", s.id);
        tx.commit();
        return s;
    });
}

Result<model::Session> SessionRepository::get(const std::string& id)
{
    return guarded([&]() -> Result<model::Session> {
        auto st = m_db.prepare(std::string(kColumns) + "WHERE id = ?;");
        st.bind(1, id);
        if (!st.step()) return notFound(id);
        return readSession(st);
    });
}

Result<std::vector<model::Session>> SessionRepository::listForClient(const std::string& clientId)
{
    return guarded([&]() -> Result<std::vector<model::Session>> {
        auto st = m_db.prepare(std::string(kColumns) + "WHERE client_id = ? ORDER BY started_at DESC, id;");
        st.bind(1, clientId);
        std::vector<model::Session> out;
        while (st.step()) out.push_back(readSession(st));
        return out;
    });
}

Result<model::Session> SessionRepository::update(model::Session session)
{
    auto valid = model::validateSession(std::move(session));
    if (!valid) return valid.error();
    model::Session& s = valid.value();
    return guarded([&]() -> Result<model::Session> {
        Transaction tx(m_db);
        m_db.prepare("UPDATE sessions SET started_at = ?2, duration_seconds = ?3, status = ?4, updated_at = ?5 "
                     "WHERE id = ?1 AND client_id = ?6;")
            .bind(1, s.id)
            .bind(2, s.startedAt)
            .bind(3, s.durationSeconds)
            .bind(4, model::toString(s.status))
            .bind(5, nowUtcIso8601())
            .bind(6, s.clientId)
            .run();
        if (m_db.changes() == 0) return notFound(s.id);
        audit::AuditLog(m_db).append(m_actor, audit::action::kSessionUpdated, "session", s.id);
        tx.commit();
        return get(s.id);
    });
}

Result<void> SessionRepository::remove(const std::string& id)
{
    return guarded([&]() -> Result<void> {
        Transaction tx(m_db);
        m_db.prepare("DELETE FROM sessions WHERE id = ?;").bind(1, id).run();
        if (m_db.changes() == 0) return notFound(id);
        audit::AuditLog(m_db).append(m_actor, audit::action::kSessionDeleted, "session", id);
        tx.commit();
        return Ok{};
    });
}

}  // namespace noteward::core::vault
