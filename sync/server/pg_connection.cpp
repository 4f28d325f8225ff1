#include "server/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace noteward::sync::server::pg {

using core::ErrorCode;
using core::makeError;

Rows::Rows(pg_result* result) : m_result(result) {}
Rows::~Rows()
{
    if (m_result) PQclear(m_result);
}
Rows::Rows(Rows&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }

int Rows::size() const { return PQntuples(m_result); }

std::string Rows::text(int row, int column) const
{
    return std::string(PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column)));
}

std::int64_t Rows::int64(int row, int column) const
{
    const char* value = PQgetvalue(m_result, row, column);
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(value, value + std::strlen(value), number);
    if (ec != std::errc() || *end != '\0') throw PgError("", "The store returned a number that is not one.");
    return number;
}

bool Rows::flag(int row, int column) const { return PQgetvalue(m_result, row, column)[0] == 't'; }
bool Rows::isNull(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }

core::Bytes Rows::bytes(int row, int column) const
{
    std::size_t length = 0;
    unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, row, column)), &length);
    if (!raw) throw PgError("", "Out of memory reading from the store.");
    core::Bytes out(raw, raw + length);
    PQfreemem(raw);
    return out;
}

core::Bytes Rows::raw(int row, int column) const
{
    const auto* data = reinterpret_cast<const std::uint8_t*>(PQgetvalue(m_result, row, column));
    return core::Bytes(data, data + PQgetlength(m_result, row, column));
}

std::int64_t Rows::affected() const
{
    const char* tuples = PQcmdTuples(m_result);
    std::int64_t number = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), number);
    return number;
}

core::Result<std::unique_ptr<Connection>> Connection::open(const std::string& conninfo)
{
    pg_conn* conn = PQconnectdb(conninfo.c_str());
    if (!conn) return makeError(ErrorCode::Unavailable, "Cannot reach the PostgreSQL store: out of memory.");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string why = PQerrorMessage(conn);
        PQfinish(conn);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return makeError(ErrorCode::Unavailable, "Cannot reach the PostgreSQL store: " + why);
    }
    // Times and text the same whatever the server's defaults.
    auto made = std::unique_ptr<Connection>(new Connection(conn));
    try {
        made->run("SET client_encoding = 'UTF8'");
        made->run("SET TIME ZONE 'UTC'");
        // Notices ("already exists, skipping") would go to stderr, which is the JSON request log.
        made->run("SET client_min_messages = warning");
        // A stuck statement or lock, or a transaction left idle, must not hold a worker for ever.
        made->run("SET statement_timeout = '30s'");
        made->run((std::string("SET lock_timeout = '") + kLockTimeout + "'").c_str());
        made->run("SET idle_in_transaction_session_timeout = '60s'");
    } catch (const PgError& e) {
        return storeError(e);
    }
    return made;
}

Connection::~Connection() { PQfinish(m_conn); }

Rows Connection::run(const char* sql, std::initializer_list<Param> params)
{
    return run(sql, std::vector<Param>(params));
}

Rows Connection::run(const char* sql, const std::vector<Param>& params) { return execute(sql, params, 0); }

Rows Connection::runBinary(const char* sql, std::initializer_list<Param> params)
{
    return execute(sql, std::vector<Param>(params), 1);
}

Rows Connection::execute(const char* sql, const std::vector<Param>& params, int resultFormat)
{
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    for (const auto& p : params) {
        values.push_back(p.value().data());
        lengths.push_back(static_cast<int>(p.value().size()));
        formats.push_back(p.binary() ? 1 : 0);
    }
    // Each statement is parsed and planned once per connection, then only executed: a request
    // runs the same few statements, and planning them every time cost more than running them.
    auto [it, added] = m_prepared.try_emplace(sql);
    if (added) {
        it->second = "nw" + std::to_string(m_prepared.size());
        try {
            check(PQprepare(m_conn, it->second.c_str(), sql, static_cast<int>(params.size()), nullptr));
        } catch (...) {
            m_prepared.erase(it);
            throw;
        }
    }
    return check(PQexecPrepared(m_conn, it->second.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                                formats.data(), resultFormat));
}

void Connection::script(const char* sql) { check(PQexec(m_conn, sql)); }

Rows Connection::check(pg_result* result)
{
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(result);
    std::string state;
    std::string message = PQerrorMessage(m_conn);
    if (result) {
        if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
        if (const char* m = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = m;
        PQclear(result);
    }
    throw PgError(state, message);
}

bool Connection::healthy() const { return PQstatus(m_conn) == CONNECTION_OK; }
bool Connection::inTransaction() const { return PQtransactionStatus(m_conn) != PQTRANS_IDLE; }

void rollBackQuietly(Connection& conn)
{
    try {
        if (conn.healthy()) conn.run("ROLLBACK");
    } catch (const PgError&) {
    }
}

core::Result<std::unique_ptr<Pool>> Pool::open(const std::string& conninfo, std::size_t size)
{
    auto pool = std::make_unique<Pool>();
    pool->m_conninfo = conninfo;
    for (std::size_t i = 0; i < size; ++i) {
        auto conn = Connection::open(conninfo);
        if (!conn) return conn.error();
        pool->m_idle.push_back(std::move(conn.value()));
    }
    return pool;
}

Pool::Lease Pool::lease()
{
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty(); });
    auto conn = std::move(m_idle.back());
    m_idle.pop_back();
    lock.unlock();
    // A connection the server dropped (a restart, a fail-over) is made again before use; if
    // that fails too, the broken one is lent and its statements report the store unreachable.
    if (!conn->healthy())
        if (auto fresh = Connection::open(m_conninfo)) conn = std::move(fresh.value());
    return Lease(*this, std::move(conn));
}

void Pool::giveBack(std::unique_ptr<Connection> conn)
{
    // Never lend a connection with a transaction left open: roll it back, or let it go and
    // open a fresh one when it is next lent.
    if (conn->healthy() && conn->inTransaction()) {
        try {
            conn->run("ROLLBACK");
        } catch (const PgError&) {
        }
        if (conn->inTransaction())
            if (auto fresh = Connection::open(m_conninfo)) conn = std::move(fresh.value());
    }
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(conn));
    }
    m_returned.notify_one();
}

namespace {

struct Options {
    PQconninfoOption* options = nullptr;
    char* error = nullptr;
    explicit Options(const std::string& conninfo) { options = PQconninfoParse(conninfo.c_str(), &error); }
    ~Options()
    {
        if (options) PQconninfoFree(options);
        if (error) PQfreemem(error);
    }
};

}  // namespace

bool conninfoHasPassword(const std::string& conninfo)
{
    Options parsed(conninfo);
    // Unreadable: judged by its text, since a mistyped URI may still carry one ("u:pw@host").
    if (!parsed.options) return conninfo.find("password") != std::string::npos || conninfo.find('@') != std::string::npos;
    for (auto* o = parsed.options; o->keyword; ++o)
        if ((std::strcmp(o->keyword, "password") == 0 || std::strcmp(o->keyword, "sslpassword") == 0) && o->val && *o->val)
            return true;
    return false;
}

core::Result<void> checkConninfo(const std::string& conninfo)
{
    // libpq's own message quotes the string, which may hold a password: not repeated.
    Options parsed(conninfo);
    if (parsed.options) return core::Ok{};
    return makeError(ErrorCode::InvalidInput, "The PostgreSQL connection string cannot be read (see the libpq documentation "
                                              "for its keyword=value and URI forms).");
}

bool conninfoNeedsVerifiedTls(const std::string& conninfo)
{
    Options parsed(conninfo);
    if (!parsed.options) return false;
    std::string hosts, addresses, sslmode;
    for (auto* o = parsed.options; o->keyword; ++o) {
        if (!o->val) continue;
        if (std::strcmp(o->keyword, "host") == 0) hosts = o->val;
        if (std::strcmp(o->keyword, "hostaddr") == 0) addresses = o->val;
        if (std::strcmp(o->keyword, "sslmode") == 0) sslmode = o->val;
    }
    if (sslmode == "verify-full") return false;
    // Each host of a list: a socket folder or loopback is on this machine; anything else is
    // across a network, where anything less than verify-full can be intercepted.
    const auto local = [](const std::string& h) {
        return h.empty() || h.front() == '/' || h == "localhost" || h == "127.0.0.1" || h == "::1";
    };
    for (const std::string& list : {hosts, addresses}) {
        std::size_t from = 0;
        while (from <= list.size()) {
            const auto comma = list.find(',', from);
            const std::string one = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
            if (!local(one)) return true;
            if (comma == std::string::npos) break;
            from = comma + 1;
        }
    }
    return false;
}

core::Error storeError(const PgError& e)
{
    if (e.state().empty() || e.state().rfind("08", 0) == 0 || e.state().rfind("57P0", 0) == 0)
        return core::Error{ErrorCode::Unavailable, "The PostgreSQL store cannot be reached: " + std::string(e.what())};
    if (e.state() == "53100") return core::Error{ErrorCode::DiskFull, "The PostgreSQL store is out of disk space."};
    if (e.retryable()) return core::Error{ErrorCode::Busy, "The PostgreSQL store is busy; try again."};
    // The SQLSTATE names the failure for the operator; the message may quote stored values.
    return core::Error{ErrorCode::Internal, "The PostgreSQL store refused a statement (SQLSTATE " + e.state() + ")."};
}

}  // namespace noteward::sync::server::pg
