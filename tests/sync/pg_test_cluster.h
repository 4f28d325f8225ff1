#pragma once

#include <QString>
#include <QStringList>

#include <filesystem>
#include <map>
#include <string>

namespace noteward::test {

// A throw-away PostgreSQL server for one test run: its own cluster in a temporary folder,
// listening on 127.0.0.1 only, on a free port, with password (SCRAM) logins for one role.
// Run as root (as CI does), the server runs as the `postgres` system user, as PostgreSQL
// requires. Stopped and removed when the object goes.
class PgTestCluster {
public:
    PgTestCluster();
    ~PgTestCluster();
    PgTestCluster(const PgTestCluster&) = delete;
    PgTestCluster& operator=(const PgTestCluster&) = delete;

    bool running() const { return m_running; }
    const QString& failure() const { return m_failure; }
    // A libpq connection string for a database, made empty on first use; the password is in a
    // password file the string names.
    std::string conninfo(const std::string& database);
    // Runs one of PostgreSQL's client programs (pg_dump, pg_restore, …) against this server,
    // with its password file.
    struct Outcome {
        int exitCode;
        QByteArray err;
    };
    Outcome client(const char* program, const QStringList& args);

private:
    Outcome asServerUser(const QString& program, const QStringList& args);
    std::filesystem::path m_root;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
    QString m_failure;
    std::map<std::string, bool> m_made;
};

}  // namespace noteward::test
