#include "pg_test_cluster.h"

#include "crypto/random.h"
#include "server/pg_connection.h"
#include "test_support.h"
#include "util/hex.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace noteward::test {

namespace {

QString bin(const char* program) { return QStringLiteral(NOTEWARD_PG_BINDIR "/") + program; }

// A port nothing listens on now (the kernel's pick; the server takes it a moment later).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    ::close(fd);
    return ntohs(addr.sin_port);
}

}  // namespace

PgTestCluster::PgTestCluster()
{
    // The folder is the test's own (root's, 0711 when root); the server's files live in a
    // subfolder that belongs to the server's user. Files the test writes (the passwords) are
    // never in a folder the server's user could swap them in.
    char pattern[] = "/tmp/noteward-pg-XXXXXX";
    if (!::mkdtemp(pattern)) {
        m_failure = "cannot make a temporary folder";
        return;
    }
    m_root = pattern;
    const std::string password = core::toHex(core::crypto::randomBytes(16));
    const auto run = m_root / "run";
    std::filesystem::create_directory(run);
    // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
    m_asPostgres = ::geteuid() == 0;
    if (m_asPostgres) {
        const passwd* pg = ::getpwnam("postgres");
        if (!pg) {
            m_failure = "running as root, but there is no postgres user to run PostgreSQL as";
            return;
        }
        ::chmod(m_root.c_str(), 0711);
        if (::chown(run.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
            m_failure = "cannot hand the cluster folder to the postgres user";
            return;
        }
        writeFile(m_root / "password", QByteArray::fromStdString(password + "\n"));
        if (::chown((m_root / "password").c_str(), 0, pg->pw_gid) != 0 || ::chmod((m_root / "password").c_str(), 0640) != 0) {
            m_failure = "cannot let the postgres user read the initial password";
            return;
        }
    } else {
        writeFile(m_root / "password", QByteArray::fromStdString(password + "\n"));
    }
    const auto init = asServerUser(bin("initdb"), {"-D", QString::fromStdString((run / "data").string()), "-U", "noteward",
                                                   "--pwfile", QString::fromStdString((m_root / "password").string()),
                                                   "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                                                   "--locale=C", "--no-sync"});
    std::error_code gone;
    std::filesystem::remove(m_root / "password", gone);
    if (init.exitCode != 0) {
        m_failure = "initdb failed: " + QString::fromUtf8(init.err);
        return;
    }
    m_port = freePort();
    const QString options = QString("-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories=%2 -c fsync=off "
                                    "-c max_connections=200")
                                .arg(m_port)
                                .arg(QString::fromStdString(run.string()));
    const auto start = asServerUser(bin("pg_ctl"), {"-D", QString::fromStdString((run / "data").string()), "-l",
                                                    QString::fromStdString((run / "server.log").string()), "-o", options,
                                                    "-w", "-t", "60", "start"});
    if (start.exitCode != 0) {
        m_failure = "pg_ctl start failed: " + QString::fromUtf8(start.err);
        return;
    }
    m_running = true;
    // The test's own user reads the password from a file of its own (libpq wants 0600).
    const auto passfile = m_root / "pgpass";
    writeFile(passfile, QByteArray::fromStdString("127.0.0.1:" + std::to_string(m_port) + ":*:noteward:" + password + "\n"));
    std::filesystem::permissions(passfile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

PgTestCluster::~PgTestCluster()
{
    if (m_running)
        asServerUser(bin("pg_ctl"), {"-D", QString::fromStdString((m_root / "run" / "data").string()), "-m", "immediate", "-w", "stop"});
    if (m_root.empty()) return;
    // The server's files are removed as the server's user; then the test's own.
    asServerUser("rm", {"-rf", "--", QString::fromStdString((m_root / "run").string())});
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
}

PgTestCluster::Outcome PgTestCluster::asServerUser(const QString& program, const QStringList& args)
{
    const auto result = m_asPostgres ? runProgram("runuser", QStringList{"-u", "postgres", "--", program} + args)
                                     : runProgram(program, args);
    return {result.exitCode, result.err + result.out};
}

std::string PgTestCluster::conninfo(const std::string& database)
{
    const std::string base = "host=127.0.0.1 port=" + std::to_string(m_port) + " user=noteward passfile=" + (m_root / "pgpass").string();
    if (!m_made[database]) {
        auto admin = sync::server::pg::Connection::open(base + " dbname=postgres");
        if (admin) {
            (*admin)->run(("DROP DATABASE IF EXISTS \"" + database + "\"").c_str());
            (*admin)->run(("CREATE DATABASE \"" + database + "\"").c_str());
            m_made[database] = true;
        }
    }
    return base + " dbname=" + database;
}

PgTestCluster::Outcome PgTestCluster::client(const char* program, const QStringList& args)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("PGPASSFILE", QString::fromStdString((m_root / "pgpass").string()));
    const auto result = runProgram(bin(program),
                                   QStringList{"-h", "127.0.0.1", "-p", QString::number(m_port), "-U", "noteward"} + args, env);
    return {result.exitCode, result.err};
}

}  // namespace noteward::test
