#pragma once

#include "util/bytes.h"
#include "util/result.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace noteward::sync::server::pg {

// How long a statement waits for a lock before it fails (SQLSTATE 55P03) and the request is
// answered busy: set on every connection as it is opened.
inline constexpr const char* kLockTimeout = "10s";

// A failed statement or a lost connection. `state` is the SQLSTATE ("23505": unique
// violation, "40001": serialization failure), empty when the connection itself failed.
class PgError : public std::runtime_error {
public:
    PgError(std::string state, const std::string& message) : std::runtime_error(message), m_state(std::move(state)) {}
    const std::string& state() const { return m_state; }
    bool retryable() const { return m_state == "40001" || m_state == "40P01"; }

private:
    std::string m_state;
};

// One statement parameter: text (numbers written in decimal) or raw bytes (bytea, sent binary).
class Param {
public:
    Param(std::string text) : m_value(std::move(text)) {}  // NOLINT(google-explicit-constructor)
    Param(const char* text) : m_value(text) {}              // NOLINT(google-explicit-constructor)
    Param(std::int64_t number) : m_value(std::to_string(number)) {}  // NOLINT(google-explicit-constructor)
    Param(bool flag) : m_value(flag ? "true" : "false") {}  // NOLINT(google-explicit-constructor)
    static Param bytes(core::ByteView data)
    {
        Param p{std::string(reinterpret_cast<const char*>(data.data()), data.size())};
        p.m_binary = true;
        return p;
    }
    const std::string& value() const { return m_value; }
    bool binary() const { return m_binary; }

private:
    std::string m_value;
    bool m_binary = false;
};

// A statement's rows, read as text (bytea columns decoded from PostgreSQL's hex form).
class Rows {
public:
    explicit Rows(pg_result* result);
    ~Rows();
    Rows(Rows&& other) noexcept;
    Rows& operator=(Rows&&) = delete;
    Rows(const Rows&) = delete;

    int size() const;
    bool empty() const { return size() == 0; }
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    bool flag(int row, int column) const;  // boolean column
    bool isNull(int row, int column) const;
    core::Bytes bytes(int row, int column) const;
    core::Bytes raw(int row, int column) const;  // a column of a runBinary result, as sent
    std::int64_t affected() const;  // rows an INSERT / UPDATE / DELETE touched

private:
    pg_result* m_result;
};

// One connection to the server (not shared between threads: a Pool lends it out).
class Connection {
public:
    // Connects, or an Unavailable error that never repeats the connection string (it may
    // name a password file or host the logs should not carry).
    static core::Result<std::unique_ptr<Connection>> open(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Rows run(const char* sql, std::initializer_list<Param> params = {});
    Rows run(const char* sql, const std::vector<Param>& params);
    // Rows in PostgreSQL's binary form, read with Rows::raw: for bytea, half the bytes of the
    // text form and no decoding (a recording's chunks).
    Rows runBinary(const char* sql, std::initializer_list<Param> params);
    // Several statements without parameters (a migration step).
    void script(const char* sql);
    bool healthy() const;
    // Whether a transaction is still open (or failed) on it: such a connection is not lent again.
    bool inTransaction() const;

private:
    explicit Connection(pg_conn* conn) : m_conn(conn) {}
    Rows check(pg_result* result);  // the rows, or PgError
    Rows execute(const char* sql, const std::vector<Param>& params, int resultFormat);
    pg_conn* m_conn;
    std::unordered_map<std::string, std::string> m_prepared;  // SQL text → statement name on this connection
};

// Ends the open transaction, if the connection still works; a failure here changes nothing
// (the server rolls back a transaction whose connection is gone).
void rollBackQuietly(Connection& conn);

// BEGIN … COMMIT around `work`; rolled back when it throws or returns an error. A
// serialization failure or deadlock is retried a few times (another writer went first).
template <typename T, typename Work>
core::Result<T> inTransaction(Connection& conn, Work&& work);

// A fixed set of connections lent to the server's worker threads one at a time; a broken
// connection is re-opened when it is next lent.
class Pool {
public:
    static core::Result<std::unique_ptr<Pool>> open(const std::string& conninfo, std::size_t size);

    class Lease {
    public:
        Lease(Pool& pool, std::unique_ptr<Connection> conn) : m_pool(pool), m_conn(std::move(conn)) {}
        ~Lease() { m_pool.giveBack(std::move(m_conn)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection& operator*() { return *m_conn; }
        Connection* operator->() { return m_conn.get(); }

    private:
        Pool& m_pool;
        std::unique_ptr<Connection> m_conn;
    };
    Lease lease();

private:
    void giveBack(std::unique_ptr<Connection> conn);
    std::string m_conninfo;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

// Whether a connection string carries a password itself (it belongs in a password file:
// command lines and process listings are readable by other users).
bool conninfoHasPassword(const std::string& conninfo);
// Whether libpq can read it at all; the error (without the string) otherwise.
core::Result<void> checkConninfo(const std::string& conninfo);
// Whether it reaches a server across a network without sslmode=verify-full.
bool conninfoNeedsVerifiedTls(const std::string& conninfo);

// A statement error as a person reads it, without SQL or values.
core::Error storeError(const PgError& e);

template <typename T, typename Work>
core::Result<T> inTransaction(Connection& conn, Work&& work)
{
    for (int attempt = 0;; ++attempt) {
        try {
            conn.run("BEGIN ISOLATION LEVEL READ COMMITTED");
            core::Result<T> outcome = work(conn);
            conn.run(outcome ? "COMMIT" : "ROLLBACK");
            return outcome;
        } catch (const PgError& e) {
            rollBackQuietly(conn);
            if (e.retryable() && attempt < 5) continue;
            return storeError(e);
        } catch (...) {
            // Anything else (out of memory) must not leave the transaction open on a pooled
            // connection: the next borrower's work would run, and commit, inside it.
            rollBackQuietly(conn);
            throw;
        }
    }
}

}  // namespace noteward::sync::server::pg
