// noteward-syncd as IT would run it: the real binary, on loopback, over real TLS; the admin
// commands beside it; bad input and a UK-only region. One suite, two stores: the embedded
// SQLCipher store, and (NOTEWARD_SYNCD_BACKEND=postgresql, a second ctest entry) a PostgreSQL
// server this test starts on loopback.
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"
#include "protocol/base64.h"
#include "protocol/server_info.h"
#include "server/auth_key_hash.h"
#include "server/open_store.h"
#include "server/pg_connection.h"
#include "server/tls_context.h"
#include "server/tls_identity.h"
#include "pg_test_cluster.h"
#include "server/totp.h"
#include "test_support.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/ssl.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <csignal>
#include <chrono>
#include <fstream>
#include <mutex>
#include <map>
#include <ctime>
#include <set>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace noteward;
using nlohmann::json;

namespace {
QString syncdPath() { return QStringLiteral(NOTEWARD_SYNCD_PATH); }

bool onPostgres()
{
    static const bool postgres = qgetenv("NOTEWARD_SYNCD_BACKEND") == "postgresql";
    return postgres;
}

// Started by initTestCase when the suite runs against PostgreSQL.
std::unique_ptr<test::PgTestCluster>& cluster()
{
    static std::unique_ptr<test::PgTestCluster> running;
    return running;
}

// The database that stands for a data folder (one each, as each folder is one store).
std::string conninfoFor(const std::filesystem::path& dataDir)
{
    std::string name = "syncd_";
    for (const char c : dataDir.filename().string()) name += std::isalnum(static_cast<unsigned char>(c)) ? char(std::tolower(c)) : '_';
    return cluster()->conninfo(name);
}

// On PostgreSQL, every command given a data folder also gets that folder's database.
QStringList withStore(QStringList args)
{
    const auto at = args.indexOf("--data-dir");
    if (onPostgres() && at >= 0 && at + 1 < args.size())
        args << "--postgresql" << QString::fromStdString(conninfoFor(args[at + 1].toStdString()));
    return args;
}

// The store behind a data folder, opened as the server opens it (on PostgreSQL, with a pool of
// `connections` when given).
std::unique_ptr<sync::server::ServerStore> storeAt(const std::filesystem::path& dataDir, std::size_t connections = 0)
{
    auto config = sync::server::embeddedServerConfig(dataDir, "127.0.0.1:0");
    if (!config) return nullptr;
    if (onPostgres()) config->postgresql = conninfoFor(dataDir);
    if (connections > 0) config->postgresqlConnections = connections;
    auto store = sync::server::openStore(*config);
    return store ? std::move(store.value()) : nullptr;
}

// What is wrong with the practice's audit chain as the store holds it (empty: every entry
// follows the one before it and hashes as the server says); `entries` counts them.
std::string brokenLinkIn(sync::server::ServerStore& store, const std::string& practiceId, std::size_t& entries)
{
    const auto log = store.audit(practiceId, 0, 100000);
    if (!log) return "the log could not be read: " + log.error().message;
    entries = log->size();
    std::string previous(64, '0');
    for (const auto& e : *log) {
        if (e.previousHash != previous) return "entry " + std::to_string(e.seq) + " does not follow the one before it";
        if (sync::server::auditHash(e, practiceId) != e.hash) return "entry " + std::to_string(e.seq) + " does not hash as stored";
        previous = e.hash;
    }
    return {};
}

// A running server: started on a free loopback port, stopped with SIGTERM.
class RunningServer {
public:
    // With `config`, the server reads that file (which names `dataDir`) instead of flags.
    explicit RunningServer(const std::filesystem::path& dataDir, QStringList extra = {}, const QString& config = {})
        : m_dataDir(dataDir)
    {
        m_process.setProgram(syncdPath());
        // The request log goes to a file: a pipe nobody reads while the test runs fills up, and
        // the server then waits to write its log line.
        m_process.setStandardErrorFile(QString::fromStdString(logFile().string()), QIODevice::Append);
        m_process.setArguments(config.isEmpty() ? withStore(QStringList{"--data-dir", QString::fromStdString(dataDir.string()), "--listen",
                                                                        "127.0.0.1:0"} + extra)
                                                : QStringList{"--config", config});
        m_process.start();
        static const QRegularExpression listening("listening on https://127\\.0\\.0\\.1:(\\d+)");
        QByteArray seen;
        for (int i = 0; i < 200 && m_port == 0 && m_process.state() != QProcess::NotRunning; ++i) {
            m_process.waitForReadyRead(100);
            seen += m_process.readAllStandardOutput();
            if (const auto m = listening.match(QString::fromUtf8(seen)); m.hasMatch()) m_port = m.captured(1).toInt();
        }
        m_stdout = seen;
    }
    ~RunningServer() { stop(); }
    int port() const { return m_port; }
    std::string caFile() const { return (m_dataDir / "tls" / "loopback-cert.pem").string(); }
    // A client that trusts only this server's loopback certificate.
    std::unique_ptr<httplib::SSLClient> client() const
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_port);
        c->set_ca_cert_path(caFile().c_str());
        c->enable_server_certificate_verification(true);
        c->set_connection_timeout(5);
        c->set_read_timeout(30);  // a loaded CI machine hashing Argon2id and running PostgreSQL is slow
        // One connection reused, as a sync client does (and as the server is meant to serve).
        c->set_keep_alive(true);
        c->set_tcp_nodelay(true);
        return c;
    }
    // SIGTERM; the exit status, or -1 if it had to be killed.
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning) return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished();
            return -1;
        }
        m_stdout += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    // SIGKILL: no chance to finish anything.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    QByteArray out() const { return m_stdout; }
    QByteArray err() const { return test::readFile(logFile()); }
    std::filesystem::path logFile() const { return m_dataDir.parent_path() / (m_dataDir.filename().string() + ".log"); }

private:
    std::filesystem::path m_dataDir;
    QProcess m_process;
    int m_port = 0;
    QByteArray m_stdout;
};

test::ProcessResult syncd(const QStringList& args) { return test::runProgram(syncdPath(), withStore(args)); }

std::string errorCode(const httplib::Result& r)
{
    if (!r) return "(no answer)";
    const auto body = json::parse(r->body, nullptr, false);
    if (!body.is_object() || !body.contains("error")) return "(not a JSON error: " + r->body.substr(0, 80) + ")";
    return body["error"]["code"].get<std::string>();
}

// A TLS handshake with the server, the client capped at `maxVersion`; the version agreed, or
// 0 when the server refused.
int handshake(int port, int maxVersion)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_security_level(ctx, 0);  // let this client offer old versions, to see them refused
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(ctx, maxVersion);
    SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int version = 0;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        SSL* ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) == 1) version = SSL_version(ssl);
        SSL_free(ssl);
    }
    ::close(fd);
    SSL_CTX_free(ctx);
    return version;
}

// Sends each of `writes` as it is over one TLS connection (CA not checked: the bytes are the
// test), reading what the server answers after each until it goes quiet for a second (the last:
// until it closes, or 5 s); returns all it answered. Requests are written apart because
// cpp-httplib 0.11 does not look for a next request already decrypted with the last one.
std::string rawExchange(int port, const std::vector<std::string>& writes)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        SSL* ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        bool ok = SSL_connect(ssl) == 1;
        for (std::size_t i = 0; ok && i < writes.size(); ++i) {
            ok = SSL_write(ssl, writes[i].data(), static_cast<int>(writes[i].size())) == static_cast<int>(writes[i].size());
            timeval quiet{i + 1 == writes.size() ? 5 : 1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &quiet, sizeof quiet);
            char buffer[4096];
            for (int n; ok && (n = SSL_read(ssl, buffer, sizeof buffer)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
        }
        SSL_free(ssl);
    }
    ::close(fd);
    SSL_CTX_free(ctx);
    return answer;
}

// The status codes of the answers in `raw`, in order.
std::vector<int> statusesIn(const std::string& raw)
{
    std::vector<int> statuses;
    for (std::size_t at = raw.find("HTTP/1.1 "); at != std::string::npos; at = raw.find("HTTP/1.1 ", at + 1))
        statuses.push_back(std::stoi(raw.substr(at + 9, 3)));
    return statuses;
}

std::string hexKey(char fill) { return std::string(64, fill); }

struct User {
    std::string id, bearer;
    noteward::core::Bytes totpSecret;
};

// Invited by the admin command, joined and signed in with a TOTP code, as a person would be.
User signUp(httplib::SSLClient& client, const QString& dataDir, const QString& practiceId, const char* email, const char* role)
{
    const auto token = QString::fromUtf8(
                           syncd({"admin", "invite", "--practice", practiceId, "--email", email, "--role", role, "--data-dir", dataDir}).out)
                           .trimmed()
                           .toStdString();
    auto joined = client.Post("/v1/accounts/join", json{{"invitation", token}, {"email", email}, {"auth_key", hexKey('e')}}.dump(),
                              "application/json");
    if (!joined || joined->status != 201) return {};
    const auto secret = *noteward::sync::server::base32Decode(json::parse(joined->body)["mfa"]["secret"].get<std::string>());
    auto in = client.Post(
        "/v1/sessions",
        json{{"email", email}, {"auth_key", hexKey('e')}, {"totp", noteward::sync::server::totpCode(secret, std::time(nullptr))}}.dump(),
        "application/json");
    if (!in || in->status != 201) return {};
    const auto body = json::parse(in->body);
    return {body["user_id"].get<std::string>(), "Bearer " + body["token"].get<std::string>(), secret};
}

QString newPractice(const QString& dataDir, const char* name)
{
    return QString::fromUtf8(syncd({"admin", "create-practice", "--name", name, "--data-dir", dataDir}).out).trimmed();
}

// A new practice with one therapist signed in: the practice, the therapist's request headers,
// and the path their clients live under. `as` is empty if signing up failed.
struct PracticeTherapist {
    QString practiceId;
    httplib::Headers as;
    std::string clients;  // "/v1/practices/<id>/clients/"
};

PracticeTherapist practiceWithTherapist(httplib::SSLClient& client, const QString& dataDir, const char* name, const char* email)
{
    PracticeTherapist p;
    p.practiceId = newPractice(dataDir, name);
    const User therapist = signUp(client, dataDir, p.practiceId, email, "therapist");
    if (therapist.bearer.empty()) return p;
    p.as = {{"Authorization", therapist.bearer}};
    p.clients = "/v1/practices/" + p.practiceId.toStdString() + "/clients/";
    return p;
}
}  // namespace

class TestSyncd : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;

    std::filesystem::path dataDir(const char* name) const { return m_tmp.path() / name; }
    QString dir(const char* name) const { return QString::fromStdString(dataDir(name).string()); }

private slots:
    void initTestCase()
    {
        // A server killed mid-request leaves the client writing to a closed socket: an error
        // to handle, not a reason for the test to die.
        std::signal(SIGPIPE, SIG_IGN);
        if (!onPostgres()) return;
        cluster() = std::make_unique<test::PgTestCluster>();
        QVERIFY2(cluster()->running(), qPrintable(cluster()->failure()));
    }
    void cleanupTestCase() { cluster().reset(); }

    // RFC 6238 appendix B: the published codes for SHA-1, SHA-256 and SHA-512.
    void totpMatchesRfc6238AppendixB()
    {
        const std::string k1 = "12345678901234567890";
        const std::string k256 = "12345678901234567890123456789012";
        const std::string k512 = "1234567890123456789012345678901234567890123456789012345678901234";
        struct Row {
            std::int64_t time;
            const char *sha1, *sha256, *sha512;
        };
        const Row rows[] = {{59, "94287082", "46119246", "90693936"},
                            {1111111109, "07081804", "68084774", "25091201"},
                            {1111111111, "14050471", "67062674", "99943326"},
                            {1234567890, "89005924", "91819424", "93441116"},
                            {2000000000, "69279037", "90698825", "38618901"},
                            {20000000000, "65353130", "77737706", "47863826"}};
        for (const auto& row : rows) {
            QCOMPARE(sync::server::totpCode(core::asBytes(k1), row.time, 8, "SHA1"), std::string(row.sha1));
            QCOMPARE(sync::server::totpCode(core::asBytes(k256), row.time, 8, "SHA256"), std::string(row.sha256));
            QCOMPARE(sync::server::totpCode(core::asBytes(k512), row.time, 8, "SHA512"), std::string(row.sha512));
        }
        // One step of drift either way is accepted, and says which step; two is not.
        const auto key = core::asBytes(k1);
        const std::int64_t now = 1111111111;
        const auto step = sync::server::totpStep(now);
        QCOMPARE(sync::server::matchingTotpStep(key, sync::server::totpCode(key, now), now), std::optional(step));
        QCOMPARE(sync::server::matchingTotpStep(key, sync::server::totpCode(key, now - 30), now), std::optional(step - 1));
        QVERIFY(!sync::server::matchingTotpStep(key, sync::server::totpCode(key, now - 60), now));
        QVERIFY(!sync::server::matchingTotpStep(key, "12345a", now));
        const auto secret = sync::server::base32Encode(key);
        QCOMPARE(secret, std::string("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(*sync::server::base32Decode(secret), core::Bytes(key.begin(), key.end()));
        QVERIFY(!sync::server::base32Decode("GEZ1"));
    }

    // Outside the UK allowlist the server does not start, and says why; nothing is created.
    void refusesToStartOutsideTheUk()
    {
        const auto flags = syncd({"--data-dir", dir("abroad"), "--listen", "127.0.0.1:0", "--region", "us-east-1"});
        QCOMPARE(flags.exitCode, 2);
        QVERIFY2(flags.err.contains("us-east-1 is not a UK region") && flags.err.contains("eu-west-2"), flags.err.constData());
        QVERIFY(!std::filesystem::exists(dataDir("abroad")));

        const auto config = m_tmp.path() / "abroad.json";
        test::writeFile(config, R"({"data_dir": "abroad", "listen": "127.0.0.1:0", "region": "eastus"})");
        const auto file = syncd({"--config", QString::fromStdString(config.string())});
        QCOMPARE(file.exitCode, 2);
        QVERIFY2(file.err.contains("eastus is not a UK region"), file.err.constData());
        // A configuration file with an unknown or mistyped setting is refused by name.
        test::writeFile(config, R"({"data_dir": "x", "region": "uksouth", "max_body": 5})");
        QVERIFY(syncd({"--config", QString::fromStdString(config.string())}).err.contains("unknown setting \"max_body\""));
        test::writeFile(config, R"({"data_dir": "x", "region": "uksouth", "max_chunk_bytes": 1024})");
        QVERIFY(syncd({"--config", QString::fromStdString(config.string())}).err.contains("max_chunk_bytes"));
        test::writeFile(config, R"({"data_dir": "x", "region": "uksouth", "read_timeout_seconds": "5"})");
        QVERIFY(syncd({"--config", QString::fromStdString(config.string())}).err.contains("read_timeout_seconds"));
        // A file must name its region: a copied configuration does not default to the UK.
        test::writeFile(config, R"({"data_dir": "x"})");
        const auto silent = syncd({"--config", QString::fromStdString(config.string())});
        QCOMPARE(silent.exitCode, 2);
        QVERIFY(silent.err.contains("\"region\" is required"));
        // A self-signed certificate is for loopback only.
        const auto wide = syncd({"--data-dir", dir("wide"), "--listen", "0.0.0.0:0"});
        QCOMPARE(wide.exitCode, 2);
        QVERIFY(wide.err.contains("loopback only"));
    }

    // Health, metrics and the region over verified TLS; unknown addresses answer JSON errors.
    // Every full handshake keeps a session for resumption; OpenSSL's default cache (20,480
    // sessions, two hours) let the server's memory creep up under a stream of new connections.
    void tlsSessionCacheIsBounded()
    {
        const auto files = sync::server::loopbackIdentity(dataDir("tlscache"));
        QVERIFY(files.ok());
        SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
        QVERIFY(ctx);
        QVERIFY(SSL_CTX_sess_get_cache_size(ctx) > 10000);  // what OpenSSL would keep
        QVERIFY(sync::server::configureServerTls(*ctx, files->certificate, files->privateKey).ok());
        QCOMPARE(SSL_CTX_sess_get_cache_size(ctx), sync::server::kTlsSessionCacheSize);
        QVERIFY(sync::server::kTlsSessionCacheSize <= 4096);
        SSL_CTX_free(ctx);
    }

    void servesOverVerifiedTls()
    {
        RunningServer server(dataDir("tls"), {"--region", "eu-west-2"});
        QVERIFY2(server.port() > 0, server.out().constData());
        QVERIFY(server.out().contains("self-signed certificate for loopback development"));
        auto client = server.client();
        auto health = client->Get("/healthz");
        QVERIFY(health);
        QCOMPARE(health->status, 200);
        QCOMPARE(health->body, std::string("ok\n"));
        auto info = client->Get("/v1/info");
        QVERIFY(info && info->status == 200);
        const auto body = json::parse(info->body);
        QCOMPARE(body["region"].get<std::string>(), std::string("eu-west-2"));
        QCOMPARE(body["jurisdiction"].get<std::string>(), std::string("UK"));
        QCOMPARE(body["api"].get<std::string>(), std::string("v1"));
        QCOMPARE(body["mfa_required"].get<bool>(), true);
        // The chunk size a client cuts uploads into; the client's own parser takes the answer.
        QVERIFY(body["max_chunk_bytes"] == json(4 * 1024 * 1024));
        const auto parsed = sync::protocol::serverInfoFromJson(body);
        QVERIFY(parsed && parsed->maxChunkBytes == 4u * 1024 * 1024 && parsed->region == "eu-west-2");
        auto missing = client->Get("/v1/nothing-here");
        QVERIFY(missing);
        QCOMPARE(missing->status, 404);
        QCOMPARE(errorCode(missing), std::string("not_found"));
        auto metrics = client->Get("/metrics");
        QVERIFY(metrics && metrics->status == 200);
        QVERIFY2(metrics->body.find("noteward_requests_total{class=\"2xx\"} 2") != std::string::npos, metrics->body.c_str());
        QVERIFY(metrics->body.find("noteward_requests_total{class=\"4xx\"} 1") != std::string::npos);

        // A client that does not trust the certificate gets nothing.
        httplib::SSLClient untrusting("127.0.0.1", server.port());
        untrusting.enable_server_certificate_verification(true);
        untrusting.set_ca_cert_path((m_tmp.path() / "none.pem").string().c_str());
        QVERIFY(!untrusting.Get("/healthz"));

        // TLS 1.3 when offered, 1.2 still allowed, 1.1 and 1.0 refused.
        QCOMPARE(handshake(server.port(), TLS1_3_VERSION), TLS1_3_VERSION);
        QCOMPARE(handshake(server.port(), TLS1_2_VERSION), TLS1_2_VERSION);
        QCOMPARE(handshake(server.port(), TLS1_1_VERSION), 0);
        QCOMPARE(handshake(server.port(), TLS1_VERSION), 0);

        // An address with personal data in it is not logged as written.
        QCOMPARE(client->Get("/v1/sam%40example.org/notes")->status, 404);
        // One JSON line per request, without bodies.
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.err().contains("sam@example.org"));
        QVERIFY(!server.err().contains("example"));
        QVERIFY(server.out().contains("noteward-syncd stopped."));
        const auto lines = server.err().split('\n');
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QByteArray& l) {
            const auto j = json::parse(l.toStdString(), nullptr, false);
            return j.is_object() && j.value("path", "") == "/v1/info" && j.value("status", 0) == 200;
        }));
    }

    // The store is SQLCipher with its own key file (0600); neither is readable as plain SQLite.
    void storeIsEncryptedAtRest()
    {
        if (onPostgres()) QSKIP("the embedded store's own files; PostgreSQL's storage is the operator's to encrypt");
        {
            RunningServer server(dataDir("rest"));
            QVERIFY(server.port() > 0);
        }
        const auto header = test::readFile(dataDir("rest") / "store.db").left(16);
        QCOMPARE(header.size(), 16);
        QVERIFY(header != QByteArray("SQLite format 3\0", 16));
        struct stat st{};
        QCOMPARE(::stat((dataDir("rest") / "store.key").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(::stat((dataDir("rest") / "tls" / "loopback-key.pem").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        // A key file others can read is refused, not used.
        std::filesystem::permissions(dataDir("rest") / "store.key", std::filesystem::perms::others_read, std::filesystem::perm_options::add);
        const auto readable = syncd({"--data-dir", dir("rest"), "--listen", "127.0.0.1:0"});
        QCOMPARE(readable.exitCode, 1);
        QVERIFY2(readable.err.contains("readable by others"), readable.err.constData());
        std::filesystem::permissions(dataDir("rest") / "store.key", std::filesystem::perms::others_read, std::filesystem::perm_options::remove);
        // Two admin commands on a new folder at once share one key: the store stays readable.
        for (int i = 0; i < 5; ++i) {
            const QString fresh = dir("race") + QString::number(i);
            QProcess first, second;
            for (auto* p : {&first, &second}) p->start(syncdPath(), {"admin", "create-practice", "--name", "R", "--data-dir", fresh});
            for (auto* p : {&first, &second}) QVERIFY(p->waitForFinished(30000));
            QCOMPARE(first.exitCode() + second.exitCode(), 0);
            QCOMPARE(syncd({"admin", "create-practice", "--name", "After", "--data-dir", fresh}).exitCode, 0);
        }
        // The store without its key is not silently replaced by a new, empty one.
        std::filesystem::rename(dataDir("rest") / "store.key", dataDir("rest") / "moved.key");
        const auto keyless = syncd({"--data-dir", dir("rest"), "--listen", "127.0.0.1:0"});
        QCOMPARE(keyless.exitCode, 1);
        QVERIFY2(keyless.err.contains("key file") && keyless.err.contains("missing"), keyless.err.constData());
    }

    // An administrator makes a practice and invites a therapist while the server runs; the
    // therapist joins once with the invitation and gets a TOTP secret; every misuse is refused.
    void practiceInvitationAndJoin()
    {
        RunningServer server(dataDir("join"));
        QVERIFY(server.port() > 0);
        const auto practice = syncd({"admin", "create-practice", "--name", "Riverside Therapy", "--data-dir", dir("join")});
        QCOMPARE(practice.exitCode, 0);
        const QString practiceId = QString::fromUtf8(practice.out).trimmed();
        QVERIFY2(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$").match(practiceId).hasMatch(),
                 practice.out.constData());
        const auto invite = syncd({"admin", "invite", "--practice", practiceId, "--email", "Sam.Therapist@example.org", "--role",
                                   "therapist", "--data-dir", dir("join")});
        QCOMPARE(invite.exitCode, 0);
        const std::string token = QString::fromUtf8(invite.out).trimmed().toStdString();
        QCOMPARE(token.size(), std::size_t(64));
        QVERIFY(invite.err.contains("single use"));

        // Usage errors: exit status 2, a sentence, nothing made.
        QCOMPARE(syncd({"admin", "invite", "--practice", practiceId, "--email", "a@b.org", "--role", "admin", "--data-dir", dir("join")}).exitCode, 2);
        QCOMPARE(syncd({"admin", "invite", "--practice", "../etc", "--email", "a@b.org", "--role", "therapist", "--data-dir", dir("join")}).exitCode, 2);
        QCOMPARE(syncd({"admin", "invite", "--practice", practiceId, "--email", "not-an-address", "--role", "therapist", "--data-dir", dir("join")}).exitCode, 2);
        const auto unknownPractice = syncd({"admin", "invite", "--practice", "0b0e4f4c-1d2e-4f3a-8b5c-6d7e8f9a0b1c", "--email", "a@b.org",
                                            "--role", "therapist", "--data-dir", dir("join")});
        QCOMPARE(unknownPractice.exitCode, 1);
        QVERIFY(unknownPractice.err.contains("No practice"));

        auto client = server.client();
        const auto post = [&](const std::string& body, const char* type = "application/json") {
            return client->Post("/v1/accounts/join", body, type);
        };
        const json good = {{"invitation", token}, {"email", "sam.therapist@example.org"}, {"auth_key", hexKey('a')}};

        // Bad input: each a 4xx with a clear error, and the invitation still unused.
        auto r = post("{not json");
        QCOMPARE(r->status, 400);
        QCOMPARE(errorCode(r), std::string("invalid_input"));
        r = post(json{{"invitation", token}, {"email", "sam.therapist@example.org"}, {"auth_key", hexKey('a')}, {"role", "admin"}}.dump());
        QCOMPARE(r->status, 400);
        QVERIFY(r->body.find("Unknown field") != std::string::npos);
        r = post(json{{"invitation", 5}, {"email", "sam.therapist@example.org"}, {"auth_key", hexKey('a')}}.dump());
        QCOMPARE(r->status, 400);
        r = post(json{{"invitation", token}, {"email", "sam.therapist@example.org"}, {"auth_key", "short"}}.dump());
        QCOMPARE(r->status, 400);
        r = post(good.dump(), "text/plain");
        QCOMPARE(r->status, 415);
        // Over the JSON limit (1 MiB) though under the library's, which is the chunk limit: 413,
        // the body read and dropped, and the same connection carries on.
        r = post(std::string(2 * 1024 * 1024, ' '));
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(errorCode(r), std::string("payload_too_large"));
        r = post("{not json");
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        // Sent to no route: read and dropped (not kept, as the library would), then 404; the
        // connection carries on.
        for (const auto size : {std::size_t(100), std::size_t(3 * 1024 * 1024)}) {
            auto stray = client->Put("/v1/nowhere", std::string(size, 'x'), "application/json");
            QVERIFY(stray);
            QCOMPARE(stray->status, 404);
            auto del = client->Delete("/v1/nowhere", std::string(size, 'x'), "application/json");
            QVERIFY(del);
            QCOMPARE(del->status, 404);
            auto strayPost = client->Post("/v1/nowhere", std::string(size, 'x'), "application/json");
            QVERIFY2(strayPost, httplib::to_string(strayPost.error()).c_str());
            QCOMPARE(strayPost->status, 404);
            auto patch = client->Patch("/v1/nowhere", std::string(size, 'x'), "application/json");
            QVERIFY2(patch, httplib::to_string(patch.error()).c_str());
            QCOMPARE(patch->status, 404);
            auto health = client->Get("/healthz");
            QVERIFY(health);
            QCOMPARE(health->status, 200);
        }
        // A body the library would decode (a multipart form; a compressed body) is read as sent
        // and refused. Each body below ends with a whole request of its own: were the body read
        // short, that request would be answered too (request smuggling).
        {
            const std::string hidden = "GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            const auto twoRequests = [](const std::string& headers, const std::string& body) {
                return std::vector<std::string>{"POST /v1/accounts/join HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
                                                    "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
                                                "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"};
            };
            // A malformed part made the library's multipart parser throw (500), the rest unread.
            auto raw = rawExchange(server.port(), twoRequests("Content-Type: multipart/form-data; boundary=b\r\n", "--b\r\n\r\n" + hidden));
            QVERIFY2(statusesIn(raw) == std::vector<int>({415, 200}), raw.c_str());
            QVERIFY(raw.find("unsupported_media_type") != std::string::npos);
            // Bytes that do not inflate stopped the library's decompressor (400), the rest unread.
            raw = rawExchange(server.port(), twoRequests("Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                                                         "not gzip at all" + hidden));
            QVERIFY2(statusesIn(raw) == std::vector<int>({415, 200}), raw.c_str());
            // A method no route takes is refused before its body is read.
            raw = rawExchange(server.port(), {"PRI /v1/accounts/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nbody"});
            QVERIFY2(!statusesIn(raw).empty() && statusesIn(raw).front() == 405, raw.c_str());
            client = server.client();  // the old one sat idle past the keep-alive timeout
        }
        // A chunked body has no length to check before reading: refused before any is read.
        {
            auto chunked = server.client();
            std::size_t sent = 0;
            auto c = chunked->Post(
                "/v1/accounts/join",
                [&](std::size_t, httplib::DataSink& sink) {
                    const std::string piece(64 * 1024, ' ');
                    if (sent < 64 * 1024 * 1024 && sink.write(piece.data(), piece.size())) sent += piece.size();
                    else sink.done();
                    return true;
                },
                "application/json");
            QVERIFY2(!c || c->status == 411, c ? c->body.c_str() : "");
        }
        r = post(R"({"invitation": "a", "invitation": ")" + token + R"(", "email": "sam.therapist@example.org", "auth_key": ")" +
                 hexKey('a') + R"("})");
        QCOMPARE(r->status, 400);
        QVERIFY(r->body.find("appears twice") != std::string::npos);
        QCOMPARE(post(good.dump(), "application/jsonp")->status, 415);
        // Someone else's e-mail and a guessed token get the same answer as each other.
        r = post(json{{"invitation", token}, {"email", "other@example.org"}, {"auth_key", hexKey('a')}}.dump());
        QCOMPARE(r->status, 404);
        const std::string refusal = r->body;
        r = post(json{{"invitation", hexKey('0')}, {"email", "sam.therapist@example.org"}, {"auth_key", hexKey('a')}}.dump());
        QCOMPARE(r->status, 404);
        QCOMPARE(r->body, refusal);

        // The real join: an account in the invited practice and role, with a second factor.
        r = post(good.dump());
        QVERIFY(r);
        QCOMPARE(r->status, 201);
        const auto joined = json::parse(r->body);
        QCOMPARE(joined["practice_id"].get<std::string>(), practiceId.toStdString());
        QCOMPARE(joined["role"].get<std::string>(), std::string("therapist"));
        const auto secret = sync::server::base32Decode(joined["mfa"]["secret"].get<std::string>());
        QVERIFY(secret && secret->size() == 20);
        QVERIFY(joined["mfa"]["uri"].get<std::string>().rfind("otpauth://totp/Noteward:sam.therapist%40example.org?secret=", 0) == 0);
        // Single use.
        r = post(good.dump());
        QCOMPARE(r->status, 404);
        QCOMPARE(r->body, refusal);
        QCOMPARE(server.stop(), 0);
        // The auth key is not in the log, nor the token.
        QVERIFY(!server.err().contains(QByteArray::fromStdString(token)));
        QVERIFY(!server.err().contains(QByteArray::fromStdString(hexKey('a'))));
    }

    // A joined therapist signs in with the auth key and a TOTP code (each code once), is
    // known by the token until signing out; wrong and unknown credentials get one answer, and
    // repeated failures are slowed, for an e-mail with an account or without.
    void signInWithASecondFactorOnceAndOut()
    {
        RunningServer server(dataDir("signin"));
        QVERIFY(server.port() > 0);
        const QString practiceId =
            QString::fromUtf8(syncd({"admin", "create-practice", "--name", "Hillside", "--data-dir", dir("signin")}).out).trimmed();
        const std::string token = QString::fromUtf8(syncd({"admin", "invite", "--practice", practiceId, "--email", "kim@example.org",
                                                           "--role", "practice_manager", "--data-dir", dir("signin")})
                                                        .out)
                                      .trimmed()
                                      .toStdString();
        auto client = server.client();
        auto joined = client->Post("/v1/accounts/join",
                                   json{{"invitation", token}, {"email", "kim@example.org"}, {"auth_key", hexKey('b')}}.dump(),
                                   "application/json");
        QVERIFY(joined && joined->status == 201);
        const auto secret = *sync::server::base32Decode(json::parse(joined->body)["mfa"]["secret"].get<std::string>());
        const auto code = [&](std::int64_t offset) { return sync::server::totpCode(secret, std::time(nullptr) + offset); };
        const auto signIn = [&](const std::string& email, const std::string& key, const std::string& totp) {
            return client->Post("/v1/sessions", json{{"email", email}, {"auth_key", key}, {"totp", totp}}.dump(), "application/json");
        };

        auto wrongCode = signIn("kim@example.org", hexKey('b'), code(0) == "000000" ? "111111" : "000000");
        QCOMPARE(wrongCode->status, 401);
        const std::string refusal = wrongCode->body;
        auto wrongKey = signIn("kim@example.org", hexKey('c'), code(0));
        QCOMPARE(wrongKey->status, 401);
        QCOMPARE(wrongKey->body, refusal);
        auto unknown = signIn("nobody@example.org", hexKey('b'), code(0));
        QCOMPARE(unknown->status, 401);
        QCOMPARE(unknown->body, refusal);

        const std::string now = code(0);
        auto signedIn = signIn("KIM@example.org", hexKey('b'), now);
        QVERIFY(signedIn);
        QCOMPARE(signedIn->status, 201);
        const auto session = json::parse(signedIn->body);
        QCOMPARE(session["role"].get<std::string>(), std::string("practice_manager"));
        const std::string bearer = "Bearer " + session["token"].get<std::string>();
        // The same code again is refused, even with the right key.
        auto replayed = signIn("kim@example.org", hexKey('b'), now);
        QCOMPARE(replayed->status, 401);

        auto me = client->Get("/v1/me", {{"Authorization", bearer}});
        QVERIFY(me && me->status == 200);
        QCOMPARE(json::parse(me->body)["email"].get<std::string>(), std::string("kim@example.org"));
        auto anonymous = client->Get("/v1/me");
        QCOMPARE(anonymous->status, 401);
        QCOMPARE(errorCode(anonymous), std::string("unauthenticated"));
        QCOMPARE(client->Get("/v1/me", {{"Authorization", "Bearer " + hexKey('f')}})->status, 401);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", bearer + "0"}})->status, 401);

        auto out = client->Delete("/v1/sessions/current", httplib::Headers{{"Authorization", bearer}});
        QVERIFY(out);
        QCOMPARE(out->status, 204);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", bearer}})->status, 401);
        // The next step's code (within the one-step window) signs in again; signing out with a
        // declared length (here a body) reaches the same route.
        auto again = signIn("kim@example.org", hexKey('b'), code(30));
        QCOMPARE(again->status, 201);
        const std::string bearerAgain = "Bearer " + json::parse(again->body)["token"].get<std::string>();
        auto outWithBody = client->Delete("/v1/sessions/current", httplib::Headers{{"Authorization", bearerAgain}}, "{}", "application/json");
        QVERIFY(outWithBody);
        QCOMPARE(outWithBody->status, 204);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", bearerAgain}})->status, 401);

        // Guessing: five failures, then a wait, whether or not the e-mail has an account.
        for (const char* email : {"ghost@example.org", "kim@example.org"}) {
            for (int i = 0; i < 5; ++i) QCOMPARE(signIn(email, hexKey('d'), "123456")->status, 401);
            auto slowed = signIn(email, hexKey('d'), "123456");
            QCOMPARE(slowed->status, 429);
            QVERIFY(std::stoi(slowed->get_header_value("Retry-After")) > 0);
        }
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.err().contains(QByteArray::fromStdString(session["token"].get<std::string>())));
    }

    // Sessions end when idle too long or past their absolute expiry, whichever is first.
    void sessionsExpireIdleAndAbsolute()
    {
        auto store = storeAt(dataDir("expiry"));
        QVERIFY(store);
        auto& s = *store;
        auto practice = s.createPractice("Expiry");
        QVERIFY(practice.ok());
        QVERIFY(s.putInvitation("h", {practice->id, "e@example.org", sync::server::Role::Therapist, 10000}).ok());
        sync::server::Account account;
        account.id = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
        account.authHash = "x";
        account.totpSecret = "GEZDGNBV";
        QVERIFY(s.redeemInvitation("h", "e@example.org", account, 1000).ok());
        QVERIFY(s.putSession({"idle", account.id, 1000, 1000, 50000}).ok());
        QVERIFY(s.putSession({"old", account.id, 1000, 1000, 5000}).ok());
        QVERIFY(s.useSession("idle", 1000 + 1800, 1800)->has_value());          // used within the idle time
        QVERIFY(!s.useSession("idle", 1000 + 1800 + 1801, 1800)->has_value());  // idle too long: gone
        QVERIFY(!s.useSession("idle", 1000, 1800)->has_value());                // and stays gone
        QVERIFY(s.useSession("old", 3000, 3600).value().has_value());
        QVERIFY(s.useSession("old", 4999, 3600).value().has_value());
        QVERIFY(!s.useSession("old", 5000, 3600)->has_value());  // absolute expiry, however busy
        // TOTP steps only move forward.
        QVERIFY(s.acceptTotpStep(account.id, 7).value());
        QVERIFY(!s.acceptTotpStep(account.id, 7).value());
        QVERIFY(!s.acceptTotpStep(account.id, 6).value());
        QVERIFY(s.acceptTotpStep(account.id, 8).value());
    }

    // Who sees what, through the real server: two therapists and a manager in one practice, a
    // therapist of another; real and guessed ids; every refusal is a 404 like a missing id.
    void authorisationAcrossUsersAndPractices()
    {
        RunningServer server(dataDir("tenants"));
        QVERIFY(server.port() > 0);
        auto client = server.client();
        const QString a = newPractice(dir("tenants"), "Practice A"), b = newPractice(dir("tenants"), "Practice B");
        const auto user = [&](const QString& practiceId, const char* email, const char* role) {
            return signUp(*client, dir("tenants"), practiceId, email, role);
        };
        const User t1 = user(a, "t1@a.org", "therapist"), t2 = user(a, "t2@a.org", "therapist"),
                   manager = user(a, "m@a.org", "practice_manager"), other = user(b, "x@b.org", "therapist"),
                   managerB = user(b, "m@b.org", "practice_manager");
        for (const auto* u : {&t1, &t2, &manager, &other, &managerB}) QVERIFY(!u->bearer.empty());
        const std::string pa = a.toStdString(), pb = b.toStdString();
        const std::string c = "3f8a1b2c-4d5e-4f60-9a7b-8c9d0e1f2a3b";
        const std::string base = "/v1/practices/" + pa + "/clients/" + c;
        const auto as = [](const User& u) { return httplib::Headers{{"Authorization", u.bearer}}; };
        const auto put = [&](const User& u, const std::string& path, const json& body) {
            return client->Put(path, as(u), body.dump(), "application/json");
        };
        const auto object = [](const char* type, int baseVersion, bool isSigned, const char* bytes) {
            return json{{"type", type}, {"base_version", baseVersion}, {"signed", isSigned},
                        {"envelope", QByteArray(bytes).toBase64().toStdString()}};
        };

        QCOMPARE(put(t1, base, json::object())->status, 201);
        const std::string note = base + "/objects/0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
        const std::string signedNote = base + "/objects/1a2b3c4d-5e6f-4a7b-9c8d-0e1f2a3b4c5d";
        const std::string recording = base + "/objects/2b3c4d5e-6f7a-4b8c-ad9e-0f1a2b3c4d5e";
        QCOMPARE(json::parse(put(t1, note, object("note", 0, false, "v1"))->body)["version"].get<int>(), 1);
        auto conflict = put(t1, note, object("note", 0, false, "stale"));
        QCOMPARE(conflict->status, 409);
        QCOMPARE(json::parse(conflict->body)["current_version"].get<int>(), 1);
        QCOMPARE(json::parse(put(t1, note, object("note", 1, false, "v2"))->body)["version"].get<int>(), 2);
        QCOMPARE(put(t1, signedNote, object("note", 0, true, "signed"))->status, 200);
        auto rewrite = put(t1, signedNote, object("note", 1, false, "rewritten"));
        QCOMPARE(rewrite->status, 409);
        QCOMPARE(errorCode(rewrite), std::string("immutable"));
        QCOMPARE(put(t1, recording, object("recording", 0, false, "audio"))->status, 200);

        // Bad writes are refused and change nothing.
        const auto with = [&](json body, const char* key, json value) {
            body[key] = std::move(value);
            return body;
        };
        QCOMPARE(put(t1, note, with(object("note", 2, false, "x"), "envelope", "not base64!"))->status, 400);
        QCOMPARE(put(t1, note, json{{"type", "diary"}, {"base_version", 2}, {"signed", false}, {"envelope", "eA=="}})->status, 400);
        QCOMPARE(put(t1, note, json{{"type", "note"}, {"base_version", "2"}, {"signed", false}, {"envelope", "eA=="}})->status, 400);
        QCOMPARE(put(t1, note, with(object("note", 2, false, "x"), "owner", "me"))->status, 400);
        QCOMPARE(put(t1, note, object("transcript", 2, false, "x"))->status, 409);  // another type under the same id

        const auto get = [&](const User* u, const std::string& path) {
            return u ? client->Get(path, as(*u)) : client->Get(path);
        };
        // The matrix: the owner, a colleague, the manager, another practice, nobody.
        QCOMPARE(get(&t1, note)->status, 200);
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(json::parse(get(&t1, note)->body)["envelope"].get<std::string>())),
                 QByteArray("v2"));
        QCOMPARE(get(&t2, note)->status, 404);
        QCOMPARE(get(&manager, note)->status, 200);
        QCOMPARE(get(&other, note)->status, 404);
        QCOMPARE(get(nullptr, note)->status, 401);
        QCOMPARE(get(&t1, recording)->status, 200);
        QCOMPARE(get(&manager, recording)->status, 404);  // never another user's recording
        // Guessed and malformed ids, another practice's path: all a plain 404.
        QCOMPARE(get(&t1, base + "/objects/9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4")->status, 404);
        QCOMPARE(get(&t1, "/v1/practices/" + pa + "/clients/" + c + "/objects/..%2F..%2Fstore.db")->status, 404);
        QCOMPARE(get(&t1, "/v1/practices/" + pa + "/clients/3F8A1B2C-4D5E-4F60-9A7B-8C9D0E1F2A3B/objects/0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")->status, 404);
        QCOMPARE(get(&other, "/v1/practices/" + pb + "/clients/" + c + "/objects/0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")->status, 404);
        // Naming a client does not join it; writing to it does not either.
        QCOMPARE(put(t2, base, json::object())->status, 404);
        QCOMPARE(put(t2, note, object("note", 2, false, "hijack"))->status, 404);
        QCOMPARE(put(other, base, json::object())->status, 404);
        QCOMPARE(put(other, "/v1/practices/" + pb + "/clients/" + c, json::object())->status, 404);  // the id is taken
        // Only a manager assigns; then the colleague sees the record, still not the recording.
        QCOMPARE(put(t1, base + "/therapists/" + t2.id, json::object())->status, 403);
        QCOMPARE(put(manager, base + "/therapists/" + other.id, json::object())->status, 404);
        QCOMPARE(put(manager, base + "/therapists/" + t2.id, json::object())->status, 204);
        QCOMPARE(get(&t2, note)->status, 200);
        QCOMPARE(get(&t2, recording)->status, 404);
        QCOMPARE(put(manager, note, object("note", 2, false, "by manager"))->status, 403);

        // The change feed, paged; each reader sees only what they may.
        const auto feed = [&](const User& u, const std::string& practiceId, const std::string& query) {
            return client->Get("/v1/practices/" + practiceId + "/changes" + query, as(u));
        };
        auto all = json::parse(feed(t1, pa, "?after=0")->body);
        QCOMPARE(all["changes"].size(), std::size_t(4));  // note v1, v2, the signed note, the recording
        QCOMPARE(all["more"].get<bool>(), false);
        auto first = json::parse(feed(t1, pa, "?after=0&limit=3")->body);
        QCOMPARE(first["changes"].size(), std::size_t(3));
        QCOMPARE(first["more"].get<bool>(), true);
        auto rest = json::parse(feed(t1, pa, "?after=" + std::to_string(first["next"].get<std::int64_t>()))->body);
        QCOMPARE(rest["changes"].size(), std::size_t(1));
        QCOMPARE(rest["changes"][0]["type"].get<std::string>(), std::string("recording"));
        QCOMPARE(json::parse(feed(manager, pa, "")->body)["changes"].size(), std::size_t(3));
        QCOMPARE(json::parse(feed(t2, pa, "")->body)["changes"].size(), std::size_t(3));
        QCOMPARE(feed(other, pa, "")->status, 404);
        QCOMPARE(json::parse(feed(other, pb, "")->body)["changes"].size(), std::size_t(0));
        QCOMPARE(feed(t1, pa, "?limit=0")->status, 400);
        QCOMPARE(feed(t1, pa, "?after=-1")->status, 400);
        QCOMPARE(feed(t1, pa, "?after=abc")->status, 400);

        // Erasure: a manager's act only; afterwards nothing of the client is served, the id is
        // not reused, and the treating therapists' devices see one tombstone.
        const auto erase = [&](const User& u) { return client->Post(base + "/erase", as(u), "", "application/json"); };
        QCOMPARE(erase(t1)->status, 403);
        QCOMPARE(erase(other)->status, 404);
        auto erased = erase(manager);
        QVERIFY(erased);
        QCOMPARE(erased->status, 200);
        QCOMPARE(json::parse(erased->body)["erased_objects"].get<int>(), 3);
        QCOMPARE(erase(manager)->status, 404);
        QCOMPARE(get(&t1, note)->status, 404);
        QCOMPARE(get(&manager, signedNote)->status, 404);
        QCOMPARE(put(t1, note, object("note", 0, false, "again"))->status, 404);
        QCOMPARE(put(t1, base, json::object())->status, 404);
        const auto after = json::parse(feed(t1, pa, "?after=0")->body)["changes"];
        QCOMPARE(after.size(), std::size_t(1));
        QCOMPARE(after[0]["type"].get<std::string>(), std::string("client_erased"));
        QCOMPARE(after[0]["client_id"].get<std::string>(), c);
        QCOMPARE(json::parse(feed(t2, pa, "")->body)["changes"].size(), std::size_t(1));

        // The practice's audit log: managers only, ids only, every entry chained to the last.
        QCOMPARE(client->Get("/v1/practices/" + pa + "/audit", as(t1))->status, 403);
        QCOMPARE(client->Get("/v1/practices/" + pa + "/audit", as(other))->status, 404);
        auto log = client->Get("/v1/practices/" + pa + "/audit?limit=1000", as(manager));
        QVERIFY(log && log->status == 200);
        QVERIFY(log->body.find('@') == std::string::npos);
        const auto entries = json::parse(log->body)["entries"];
        std::map<std::string, int> actions;
        std::string previous(64, '0');
        for (const auto& e : entries) {
            ++actions[e["action"].get<std::string>()];
            QCOMPARE(e["previous_hash"].get<std::string>(), previous);
            const sync::server::AuditEntry entry{e["seq"].get<std::int64_t>(), e["at"].get<std::int64_t>(), e["action"].get<std::string>(),
                                                 e["actor"].get<std::string>(), e["object"].get<std::string>(), previous, {}};
            QCOMPARE(sync::server::auditHash(entry, pa), e["hash"].get<std::string>());
            previous = e["hash"].get<std::string>();
        }
        QCOMPARE(actions["account.joined"], 3);
        QCOMPARE(actions["mfa.confirmed"], 3);
        QCOMPARE(actions["session.created"], 3);
        QCOMPARE(actions["object.put"], 4);
        QCOMPARE(actions["client.therapist_assigned"], 1);
        QCOMPARE(actions["client.erased"], 1);
        // Refusals of what is someone else's are in the log of the asker's practice: the
        // colleague four times (the record before assignment: read, join, write; the recording
        // after), the manager once (the therapist's recording). Nothing there is not a refusal.
        QCOMPARE(actions["access.refused"], 5);
        std::map<std::string, int> refusedBy;
        for (const auto& e : entries)
            if (e["action"] == "access.refused") ++refusedBy[e["actor"].get<std::string>()];
        QCOMPARE(refusedBy[t2.id], 4);
        QCOMPARE(refusedBy[manager.id], 1);
        // The other practice's therapist asked for practice A's record, client, feed, erasure
        // and log: five refusals, in practice B's log (A's holds nothing of B's user).
        auto logB = client->Get("/v1/practices/" + pb + "/audit?limit=1000", as(managerB));
        QVERIFY(logB && logB->status == 200);
        const auto entriesB = json::parse(logB->body)["entries"];
        int refusedInB = 0;
        for (const auto& e : entriesB)
            if (e["action"] == "access.refused") {
                ++refusedInB;
                QCOMPARE(e["actor"].get<std::string>(), other.id);
            }
        QCOMPARE(refusedInB, 5);
        QVERIFY(refusedBy.count(other.id) == 0);

        // Audit anchoring: a device's head only moves forward.
        const std::string device = "/v1/devices/5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f/audit-head";
        const auto head = [&](const User& u, int seq, char fill) { return put(u, device, json{{"seq", seq}, {"hash", hexKey(fill)}}); };
        QCOMPARE(client->Get(device, as(t1))->status, 404);
        QCOMPARE(head(t1, 10, 'a')->status, 204);
        QCOMPARE(head(t1, 12, 'b')->status, 204);
        auto behind = head(t1, 11, 'c');
        QCOMPARE(behind->status, 409);
        QCOMPARE(errorCode(behind), std::string("audit_head_behind"));
        QCOMPARE(json::parse(behind->body)["server_head"]["seq"].get<int>(), 12);
        QCOMPARE(head(t1, 12, 'd')->status, 409);  // the same place with another history
        QCOMPARE(json::parse(client->Get(device, as(t1))->body)["seq"].get<int>(), 12);
        QCOMPARE(client->Get(device, as(t2))->status, 404);  // another user's heads are their own
        QCOMPARE(put(t1, device, json{{"seq", 13}, {"hash", "short"}})->status, 400);
    }

    // Killed with SIGKILL in the middle of writes: restarted on the same data, every write
    // that was acknowledged is there, in the feed, at its version; the store opens cleanly.
    void killedDuringWritesLosesNothingAcknowledged()
    {
        std::string practiceId, clientPath, bearer;
        std::vector<std::string> acknowledged;
        {
            RunningServer server(dataDir("killed"));
            QVERIFY(server.port() > 0);
            practiceId = QString::fromUtf8(syncd({"admin", "create-practice", "--name", "K", "--data-dir", dir("killed")}).out)
                             .trimmed()
                             .toStdString();
            const auto token = QString::fromUtf8(syncd({"admin", "invite", "--practice", QString::fromStdString(practiceId), "--email",
                                                        "k@example.org", "--role", "therapist", "--data-dir", dir("killed")})
                                                     .out)
                                   .trimmed()
                                   .toStdString();
            auto client = server.client();
            auto joined = client->Post("/v1/accounts/join", json{{"invitation", token}, {"email", "k@example.org"}, {"auth_key", hexKey('1')}}.dump(),
                                       "application/json");
            QVERIFY(joined && joined->status == 201);
            const auto secret = *sync::server::base32Decode(json::parse(joined->body)["mfa"]["secret"].get<std::string>());
            auto in = client->Post("/v1/sessions",
                                   json{{"email", "k@example.org"}, {"auth_key", hexKey('1')}, {"totp", sync::server::totpCode(secret, std::time(nullptr))}}.dump(),
                                   "application/json");
            QVERIFY(in && in->status == 201);
            bearer = "Bearer " + json::parse(in->body)["token"].get<std::string>();
            clientPath = "/v1/practices/" + practiceId + "/clients/4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d";
            QCOMPARE(client->Put(clientPath, {{"Authorization", bearer}}, "{}", "application/json")->status, 201);

            // Several writers at once, so writes are committed together in batches (the
            // embedded store's group commit) when the kill comes.
            std::atomic<bool> stop{false};
            std::mutex ackMutex;
            std::vector<std::thread> writers;
            for (int w = 0; w < 4; ++w)
                writers.emplace_back([&] {
                    auto c = server.client();
                    c->set_tcp_nodelay(true);
                    while (!stop) {
                        const std::string id = core::crypto::randomUuid();
                        auto r = c->Put(clientPath + "/objects/" + id, {{"Authorization", bearer}},
                                        json{{"type", "note"}, {"base_version", 0}, {"signed", false}, {"envelope", "bm90ZQ=="}}.dump(),
                                        "application/json");
                        if (r && r->status == 200) {
                            std::lock_guard lock(ackMutex);
                            acknowledged.push_back(id);
                        } else if (!r) {
                            break;  // the server is gone
                        }
                    }
                });
            QTest::qWait(1500);
            server.kill();
            stop = true;
            for (auto& w : writers) w.join();
        }
        QVERIFY2(acknowledged.size() > 10, std::to_string(acknowledged.size()).c_str());
        RunningServer again(dataDir("killed"));
        QVERIFY2(again.port() > 0, again.out().constData());
        auto client = again.client();
        std::set<std::string> inFeed;
        for (std::int64_t after = 0;;) {
            auto page = client->Get("/v1/practices/" + practiceId + "/changes?limit=1000&after=" + std::to_string(after),
                                    {{"Authorization", bearer}});
            QVERIFY(page && page->status == 200);
            const auto body = json::parse(page->body);
            for (const auto& c : body["changes"]) inFeed.insert(c["object_id"].get<std::string>());
            after = body["next"].get<std::int64_t>();
            if (!body["more"].get<bool>()) break;
        }
        for (const auto& id : acknowledged) {
            QVERIFY2(inFeed.count(id), id.c_str());
            auto r = client->Get(clientPath + "/objects/" + id, {{"Authorization", bearer}});
            // Over a thousand reads on one session meet its rate limit: waited for, as a device would.
            for (int tries = 0; r && r->status == 429 && tries < 30; ++tries) {
                QTest::qWait(1000 * std::stoi(r->get_header_value("Retry-After")));
                r = client->Get(clientPath + "/objects/" + id, {{"Authorization", bearer}});
            }
            QVERIFY2(r && r->status == 200, (std::to_string(&id - acknowledged.data()) + " of " + std::to_string(acknowledged.size()) + ": " +
                                             (r ? std::to_string(r->status) + r->body : httplib::to_string(r.error())))
                                                .c_str());
            QCOMPARE(json::parse(r->body)["version"].get<int>(), 1);
        }
    }

    // Many writers racing for one object with the same base version, so that several meet in
    // one batch of the group commit: exactly one wins each round; every other is told the
    // version that won (409), and nothing is lost or written twice.
    void racingWritersOfOneObjectWinOnce()
    {
        RunningServer server(dataDir("race"));
        QVERIFY(server.port() > 0);
        auto setup = server.client();
        const auto [practiceId, as, clients] = practiceWithTherapist(*setup, dir("race"), "Race", "r@x.org");
        QVERIFY(!as.empty());
        const std::string clientPath = clients + core::crypto::randomUuid();
        QCOMPARE(setup->Put(clientPath, as, "{}", "application/json")->status, 201);
        const std::string objectPath = clientPath + "/objects/" + core::crypto::randomUuid();
        constexpr int kWriters = 8;
        for (int round = 0; round < 3; ++round) {
            std::vector<int> statuses(kWriters, 0);
            std::vector<int> current(kWriters, -1);
            std::atomic<int> ready{0};
            std::vector<std::thread> writers;
            for (int w = 0; w < kWriters; ++w)
                writers.emplace_back([&, w] {
                    auto c = server.client();
                    const std::string body = json{{"type", "note"}, {"base_version", round}, {"signed", false},
                                                  {"envelope", std::string("d") + "wxyz0123"[w] + "A="}}.dump();
                    ++ready;
                    while (ready < kWriters) std::this_thread::yield();
                    auto r = c->Put(objectPath, as, body, "application/json");
                    if (!r) return;
                    statuses[static_cast<std::size_t>(w)] = r->status;
                    const auto answer = json::parse(r->body, nullptr, false);
                    if (answer.is_object() && answer.contains("version"))
                        current[static_cast<std::size_t>(w)] = answer["version"].get<int>();
                    else if (answer.is_object() && answer.contains("current_version"))
                        current[static_cast<std::size_t>(w)] = answer["current_version"].get<int>();
                });
            for (auto& w : writers) w.join();
            std::string seen;
            for (int st : statuses) seen += std::to_string(st) + " ";
            qInfo("round %d: %s", round, seen.c_str());
            QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 200)), 1);
            QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 409)), kWriters - 1);
            for (int w = 0; w < kWriters; ++w) QCOMPARE(current[static_cast<std::size_t>(w)], round + 1);
            auto now = setup->Get(objectPath, as);
            QVERIFY(now && now->status == 200);
            QCOMPARE(json::parse(now->body)["version"].get<int>(), round + 1);
        }
    }

    // Writes that share a commit do not share a failure: one that the store refuses (its client
    // was never registered) among writers racing into the same batches is refused alone, and
    // every other write is stored and answered as stored. On PostgreSQL with a pool of one
    // connection, so that the retry of a failed batch cannot wait for a second.
    void oneFailingWriteFailsNoOtherOfItsBatch()
    {
        auto store = storeAt(dataDir("batchfail"), 1);
        QVERIFY(store);
        // Two practices, so that batches hold both practices' locks.
        std::vector<std::pair<std::string, std::string>> clients;  // practice, client
        for (const char* name : {"Batch A", "Batch B"}) {
            auto practice = store->createPractice(name);
            QVERIFY(practice.ok());
            clients.emplace_back(practice->id, core::crypto::randomUuid());
            QVERIFY(store->registerClient(practice->id, clients.back().second, std::nullopt).ok());
        }
        constexpr int kWriters = 8;
        for (int round = 0; round < 4; ++round) {
            std::vector<sync::server::StoredObject> objects;
            for (int w = 0; w < kWriters; ++w) {
                const auto& [practiceId, client] = clients[static_cast<std::size_t>(w % 2)];
                objects.push_back({practiceId, w == round ? core::crypto::randomUuid() : client, core::crypto::randomUuid(),
                                   sync::protocol::ObjectType::Note, 0, "author", false, core::Bytes{1, 2, 3}});
            }
            std::vector<std::optional<sync::server::PutOutcome>> outcomes(kWriters);
            std::atomic<int> ready{0};
            std::vector<std::thread> writers;
            for (int w = 0; w < kWriters; ++w)
                writers.emplace_back([&, w] {
                    ++ready;
                    while (ready < kWriters) std::this_thread::yield();
                    auto put = store->putObject(objects[static_cast<std::size_t>(w)], 0);
                    if (put) outcomes[static_cast<std::size_t>(w)] = *put;
                });
            for (auto& w : writers) w.join();
            for (int w = 0; w < kWriters; ++w) {
                const auto& o = objects[static_cast<std::size_t>(w)];
                const auto kept = store->object(o.practiceId, o.clientId, o.objectId);
                QVERIFY(kept.ok());
                if (w == round) {
                    QVERIFY2(!outcomes[static_cast<std::size_t>(w)] ||
                                 outcomes[static_cast<std::size_t>(w)]->kind != sync::server::PutOutcome::Kind::Stored,
                             "a write for an unregistered client was answered as stored");
                    QVERIFY(!kept->has_value());
                    continue;
                }
                QVERIFY2(outcomes[static_cast<std::size_t>(w)].has_value(), "a good write failed with the bad one");
                QCOMPARE(static_cast<int>(outcomes[static_cast<std::size_t>(w)]->kind), static_cast<int>(sync::server::PutOutcome::Kind::Stored));
                QCOMPARE(outcomes[static_cast<std::size_t>(w)]->version, std::int64_t{1});
                QVERIFY(kept->has_value());
                QCOMPARE((*kept)->version, std::int64_t{1});
            }
        }
        // Writes of one practice that shared a commit are one line of its audit chain, each
        // stored write once (four writes a practice in each of four rounds, two of them refused).
        for (const auto& [practiceId, client] : clients) {
            std::size_t entries = 0;
            const std::string broken = brokenLinkIn(*store, practiceId, entries);
            QVERIFY2(broken.empty(), broken.c_str());
            const auto log = store->audit(practiceId, 0, 100000);
            QVERIFY(log.ok());
            QCOMPARE(std::count_if(log->begin(), log->end(), [](const auto& e) { return e.action == "object.put"; }),
                     std::ptrdiff_t{4 * kWriters / 2 - 2});
        }
    }

    // A practice whose locks are held elsewhere (a long erasure, another server) holds up its
    // own writes only: another practice's write is answered while it waits, and it is written
    // once the locks are free. Before, the batch waited for the locks (up to the 10 s lock
    // timeout) with every other practice's writes behind it.
    void aBusyPracticeHoldsUpNoOther()
    {
        if (!onPostgres()) QSKIP("the embedded store has one writer and no practice locks");
        auto store = storeAt(dataDir("busy"), 4);
        QVERIFY(store);
        std::vector<std::pair<std::string, std::string>> clients;  // practice, client
        for (const char* name : {"Busy", "Free"}) {
            auto practice = store->createPractice(name);
            QVERIFY(practice.ok());
            clients.emplace_back(practice->id, core::crypto::randomUuid());
            QVERIFY(store->registerClient(practice->id, clients.back().second, std::nullopt).ok());
        }
        const auto object = [&](std::size_t which) {
            return sync::server::StoredObject{clients[which].first, clients[which].second, core::crypto::randomUuid(),
                                              sync::protocol::ObjectType::Note, 0, "author", false, core::Bytes{1, 2, 3}};
        };
        // Someone else holds the busy practice's locks, as an erasure does (both), or one of
        // them, as an upload (feed first) or an audit entry (audit alone) does, for long.
        for (const std::vector<std::string>& held : {std::vector<std::string>{"feed:", "audit:"}, {"feed:"}, {"audit:"}}) {
            auto holder = sync::server::pg::Connection::open(conninfoFor(dataDir("busy")));
            QVERIFY(holder.ok());
            (*holder)->run("BEGIN");
            for (const auto& lock : held)
                (*holder)->run("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", {lock + clients[0].first});
            // Two writes of the busy practice wait; meanwhile the other practice's writes are
            // answered. Checked only after the locks are let go and the waiting writers are back
            // (a failed check must not leave them running).
            const std::vector<sync::server::StoredObject> waiting = {object(0), object(0)};
            std::atomic<int> answered{0};
            std::vector<std::optional<sync::server::PutOutcome>> waitingOutcomes(waiting.size());
            std::vector<std::thread> busyWriters;
            for (std::size_t w = 0; w < waiting.size(); ++w)
                busyWriters.emplace_back([&, w] {
                    auto put = store->putObject(waiting[w], 0);
                    if (put) waitingOutcomes[w] = *put;
                    ++answered;
                });
            std::this_thread::sleep_for(std::chrono::milliseconds(200));  // so that they are queued first
            std::vector<int> freeOutcomes;
            int answeredMeanwhile = 0;
            std::vector<std::thread> alongside;  // joined once the locks are let go
            for (int i = 0; i < 3; ++i) {
                // A busy and a free write together, so some batches hold both practices.
                alongside.emplace_back([&] { (void)store->putObject(object(0), 0); });
                auto put = store->putObject(object(1), 0);
                freeOutcomes.push_back(put ? static_cast<int>(put->kind) : -1);
                answeredMeanwhile = std::max(answeredMeanwhile, answered.load());
            }
            (*holder)->run("COMMIT");
            for (auto& t : busyWriters) t.join();
            for (auto& t : alongside) t.join();
            const std::string what = "held: " + held.front() + (held.size() > 1 ? " and audit:" : "");
            for (int outcome : freeOutcomes)
                QVERIFY2(outcome == static_cast<int>(sync::server::PutOutcome::Kind::Stored), what.c_str());
            QVERIFY2(answeredMeanwhile == 0, ("a busy practice's write was answered before its locks were let go; " + what).c_str());
            for (std::size_t w = 0; w < waiting.size(); ++w) {
                QVERIFY2(waitingOutcomes[w].has_value(), ("a busy practice's write failed; " + what).c_str());
                QCOMPARE(static_cast<int>(waitingOutcomes[w]->kind), static_cast<int>(sync::server::PutOutcome::Kind::Stored));
                const auto kept = store->object(waiting[w].practiceId, waiting[w].clientId, waiting[w].objectId);
                QVERIFY(kept.ok() && kept->has_value());
            }
        }
    }

    // Writers on several connections while a device follows the feed by its cursor: every
    // acknowledged write reaches the follower (a change numbered earlier but committed later
    // would be passed over by a cursor that moved beyond it).
    void feedFollowerMissesNoConcurrentWrite()
    {
        RunningServer server(dataDir("follow"));
        QVERIFY(server.port() > 0);
        auto setup = server.client();
        const auto [practiceId, as, base] = practiceWithTherapist(*setup, dir("follow"), "Follow", "f@x.org");
        QVERIFY(!as.empty());
        std::vector<std::string> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(base + core::crypto::randomUuid());
            QCOMPARE(setup->Put(clients.back(), as, "{}", "application/json")->status, 201);
        }
        std::atomic<bool> stop{false};
        std::mutex mutex;
        std::set<std::string> acknowledged, followed;
        std::vector<std::thread> writers;
        for (const auto& clientPath : clients)
            writers.emplace_back([&, clientPath] {
                auto c = server.client();
                while (!stop) {
                    const std::string id = core::crypto::randomUuid();
                    auto r = c->Put(clientPath + "/objects/" + id, as,
                                    json{{"type", "note"}, {"base_version", 0}, {"signed", false}, {"envelope", "bm90ZQ=="}}.dump(),
                                    "application/json");
                    if (!r) return;
                    // One session for all of them: over its rate, wait as a device would.
                    if (r->status == 429) std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    if (r->status == 200) {
                        std::lock_guard lock(mutex);
                        acknowledged.insert(id);
                    }
                }
            });
        auto reader = server.client();
        std::int64_t cursor = 0;
        bool readFailed = false;
        const auto follow = [&] {
            auto page = reader->Get("/v1/practices/" + practiceId.toStdString() + "/changes?limit=50&after=" + std::to_string(cursor), as);
            if (page && page->status == 429) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                return true;
            }
            if (!page || page->status != 200) {
                readFailed = true;
                return false;
            }
            const auto body = json::parse(page->body);
            for (const auto& c : body["changes"]) followed.insert(c["object_id"].get<std::string>());
            cursor = body["next"].get<std::int64_t>();
            return body["more"].get<bool>();
        };
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
        while (std::chrono::steady_clock::now() < until && !readFailed) follow();
        stop = true;
        for (auto& w : writers) w.join();
        while (!readFailed && follow()) {
        }
        QVERIFY(!readFailed);
        QVERIFY2(acknowledged.size() > 20, std::to_string(acknowledged.size()).c_str());
        std::size_t missed = 0;
        for (const auto& id : acknowledged) missed += followed.count(id) ? 0u : 1u;
        QVERIFY2(missed == 0, (std::to_string(missed) + " of " + std::to_string(acknowledged.size()) + " passed over").c_str());
    }

    // PostgreSQL: a password in the connection string, a server that is not there, a wrong
    // password and a schema from a newer release are each refused with a clear message; two
    // processes starting on an empty database migrate it once.
    void postgresStoreRefusesWhatItCannotTrust()
    {
        if (!onPostgres()) QSKIP("PostgreSQL only (NOTEWARD_SYNCD_BACKEND=postgresql)");
        const auto direct = [&](const std::string& conninfo) {
            return test::runProgram(syncdPath(), {"admin", "create-practice", "--name", "P", "--data-dir", dir("pgbad"), "--postgresql",
                                                  QString::fromStdString(conninfo)});
        };
        const std::string good = conninfoFor(dataDir("pgbad"));
        const auto inline_ = direct(good + " password=hunter2");
        QCOMPARE(inline_.exitCode, 2);
        QVERIFY2(inline_.err.contains("password file"), inline_.err.constData());
        QVERIFY(!inline_.err.contains("hunter2"));
        QCOMPARE(direct("host=127.0.0.1 port=1 dbname=x connect_timeout=5").exitCode, 1);
        QVERIFY(direct("host=127.0.0.1 port=1 dbname=x connect_timeout=5").err.contains("Cannot reach the PostgreSQL store"));
        QCOMPARE(direct("not a connection string").exitCode, 2);
        // A password in a URI is refused without repeating it, even when the URI is mistyped.
        const auto uri = direct("postgresql://syncd:s3cret%zz@127.0.0.1/x");
        QCOMPARE(uri.exitCode, 2);
        QVERIFY2(!uri.err.contains("s3cret"), uri.err.constData());
        // Across a network, only verified TLS.
        const auto remote = direct("host=db.example.org dbname=x");
        QCOMPARE(remote.exitCode, 2);
        QVERIFY2(remote.err.contains("sslmode=verify-full"), remote.err.constData());
        const auto wrongPass = m_tmp.path() / "wrong.pgpass";
        test::writeFile(wrongPass, "*:*:*:*:not-the-password\n");
        ::chmod(wrongPass.c_str(), 0600);
        const auto refused = direct(good + " passfile=" + wrongPass.string());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("password authentication failed"), refused.err.constData());

        // Two at once on an empty database: one migrates, the other waits and finds it done.
        const std::string fresh = conninfoFor(dataDir("pgrace"));
        QProcess first, second;
        for (auto* p : {&first, &second})
            p->start(syncdPath(), {"admin", "create-practice", "--name", "R", "--data-dir", dir("pgrace"), "--postgresql",
                                   QString::fromStdString(fresh)});
        for (auto* p : {&first, &second}) QVERIFY(p->waitForFinished(30000));
        QVERIFY2(first.exitCode() + second.exitCode() == 0, (first.readAllStandardError() + second.readAllStandardError()).constData());
        auto conn = sync::server::pg::Connection::open(fresh);
        QVERIFY(conn);
        QCOMPARE((*conn)->run("SELECT count(*), max(version) FROM noteward_schema").text(0, 0), std::string("1"));
        QCOMPARE((*conn)->run("SELECT count(*) FROM practices").text(0, 0), std::string("2"));
        // A database a newer release has migrated is left alone.
        (*conn)->run("INSERT INTO noteward_schema (version, applied_at) VALUES (99, 0)");
        const auto future = direct(fresh);
        QCOMPARE(future.exitCode, 1);
        QVERIFY2(future.err.contains("newer noteward-syncd"), future.err.constData());
    }

    // Each session has its own request budget: over it, 429 with Retry-After, before the store
    // is asked; other sessions carry on; made-up tokens are refused, not counted.
    void sessionsAreRateLimited()
    {
        const auto config = m_tmp.path() / "limited.json";
        json settings = {{"data_dir", dataDir("limited").string()}, {"listen", "127.0.0.1:0"}, {"region", "uksouth"},
                         {"session_requests_per_second", 1}};
        if (onPostgres()) settings["postgresql"] = conninfoFor(dataDir("limited"));
        test::writeFile(config, QByteArray::fromStdString(settings.dump()));
        RunningServer server(dataDir("limited"), {}, QString::fromStdString(config.string()));
        QVERIFY2(server.port() > 0, server.out().constData());
        auto client = server.client();
        const QString practiceId = newPractice(dir("limited"), "Limited");
        const User busy = signUp(*client, dir("limited"), practiceId, "busy@x.org", "therapist");
        const User calm = signUp(*client, dir("limited"), practiceId, "calm@x.org", "therapist");
        QVERIFY(!busy.bearer.empty() && !calm.bearer.empty());
        const auto me = [&](const std::string& bearer) { return client->Get("/v1/me", {{"Authorization", bearer}}); };
        // One a second on average, bursts of ten.
        for (int i = 0; i < 10; ++i) QCOMPARE(me(busy.bearer)->status, 200);
        auto limited = me(busy.bearer);
        QVERIFY(limited);
        QCOMPARE(limited->status, 429);
        QCOMPARE(errorCode(limited), std::string("rate_limited"));
        QVERIFY(std::stoi(limited->get_header_value("Retry-After")) >= 1);
        // Over its rate with a body: refused once the body is read, so the next request on the
        // same connection is answered as itself (an unread body would be read as a request).
        auto withBody = client->Put("/v1/practices/" + practiceId.toStdString() + "/clients/" + core::crypto::randomUuid(),
                                    {{"Authorization", busy.bearer}}, json{{"note", std::string(2000, 'a')}}.dump(),
                                    "application/json");
        QVERIFY(withBody);
        QCOMPARE(withBody->status, 429);
        auto health = client->Get("/healthz");
        QVERIFY(health);
        QCOMPARE(health->status, 200);
        QCOMPARE(health->body, std::string("ok\n"));
        QCOMPARE(me(calm.bearer)->status, 200);
        for (int i = 0; i < 20; ++i) QCOMPARE(me("Bearer " + hexKey('a'))->status, 401);
        QTest::qWait(1200);
        QCOMPARE(me(busy.bearer)->status, 200);
    }

    // A chunk limit below the JSON limit is the server's own check, not the library's: a chunk
    // over it gets 413 before anything is kept, a JSON body of the same size is still taken,
    // and the connection carries on.
    void chunkLimitBelowTheBodyLimitIsKept()
    {
        const auto config = m_tmp.path() / "smallchunks.json";
        json settings = {{"data_dir", dataDir("smallchunks").string()}, {"listen", "127.0.0.1:0"}, {"region", "uksouth"},
                         {"max_chunk_bytes", 64 * 1024}};
        if (onPostgres()) settings["postgresql"] = conninfoFor(dataDir("smallchunks"));
        test::writeFile(config, QByteArray::fromStdString(settings.dump()));
        RunningServer server(dataDir("smallchunks"), {}, QString::fromStdString(config.string()));
        QVERIFY2(server.port() > 0, server.out().constData());
        auto client = server.client();
        const QString practiceId = newPractice(dir("smallchunks"), "Small chunks");
        const User therapist = signUp(*client, dir("smallchunks"), practiceId, "sc@x.org", "therapist");
        QVERIFY(!therapist.bearer.empty());
        const httplib::Headers as{{"Authorization", therapist.bearer}};
        const std::string base = "/v1/practices/" + practiceId.toStdString() + "/clients/" + core::crypto::randomUuid();
        QCOMPARE(client->Put(base, as, "{}", "application/json")->status, 201);
        const auto info = client->Get("/v1/info");
        QVERIFY(info && info->status == 200);
        QCOMPARE(json::parse(info->body)["max_chunk_bytes"].get<std::size_t>(), std::size_t{64 * 1024});
        const auto bytes = core::crypto::randomBytes(64 * 1024 + 1);
        const std::string over(bytes.begin(), bytes.end());
        const std::string hash = core::toHex(core::crypto::sha256(core::asBytes(over)));
        auto refused = client->Put(base + "/blobs/" + hash, as, over, "application/octet-stream");
        QVERIFY(refused);
        QCOMPARE(refused->status, 413);
        QCOMPARE(errorCode(refused), std::string("payload_too_large"));
        // The same connection carries on, and nothing of the chunk was kept.
        auto owed = client->Post(base + "/blobs/missing", as, json{{"hashes", {hash}}}.dump(), "application/json");
        QVERIFY(owed && owed->status == 200);
        QVERIFY(json::parse(owed->body)["missing"] == json({hash}));
        // A chunk at the limit is stored.
        const std::string atLimit = over.substr(0, 64 * 1024);
        auto stored = client->Put(base + "/blobs/" + core::toHex(core::crypto::sha256(core::asBytes(atLimit))), as, atLimit,
                                  "application/octet-stream");
        QVERIFY(stored);
        QCOMPARE(stored->status, 201);
    }

    // A stop asked for at once after start (as a service manager may) is not lost.
    void stopRightAfterStartIsNotLost()
    {
        for (int i = 0; i < 10; ++i) {
            QProcess p;
            p.start(syncdPath(), {"--data-dir", dir("quick"), "--listen", "127.0.0.1:0"});
            QVERIFY(p.waitForStarted());
            QTest::qWait(i * 3);
            p.terminate();
            QVERIFY2(p.waitForFinished(10000), "noteward-syncd did not stop on SIGTERM");
            // Before its signal mask is set, SIGTERM ends it the default way; after, cleanly.
            QVERIFY(p.exitStatus() == QProcess::CrashExit || p.exitCode() == 0);
        }
    }

    // Envelopes travel as canonical base64 only (the fuzzer found non-zero padding bits taken).
    void base64IsCanonical()
    {
        using sync::protocol::base64Decode;
        QCOMPARE(*base64Decode("AAEC"), (core::Bytes{0, 1, 2}));
        QCOMPARE(*base64Decode("AAE="), (core::Bytes{0, 1}));
        QCOMPARE(*base64Decode("AA=="), (core::Bytes{0}));
        QVERIFY(base64Decode("")->empty());
        QVERIFY(!base64Decode("AAF="));   // unused bits set
        QVERIFY(!base64Decode("AB=="));
        QVERIFY(!base64Decode("AAE"));    // unpadded
        QVERIFY(!base64Decode("A=AA"));   // padding inside
        QVERIFY(!base64Decode("AA\nA"));  // stray characters
    }

    // A long recording goes up as content-addressed chunks: a cut-short or altered chunk is
    // refused, a repeated one is stored once, an interrupted upload asks what is still owed;
    // only the recording therapist reads it back; erasure deletes the chunks' files.
    void blobsAreContentAddressedAndResumable()
    {
        RunningServer server(dataDir("blobs"));
        QVERIFY(server.port() > 0);
        auto client = server.client();
        const QString practiceId = newPractice(dir("blobs"), "Blobs");
        const User therapist = signUp(*client, dir("blobs"), practiceId, "b1@x.org", "therapist");
        const User manager = signUp(*client, dir("blobs"), practiceId, "bm@x.org", "practice_manager");
        QVERIFY(!therapist.bearer.empty() && !manager.bearer.empty());
        const std::string base = "/v1/practices/" + practiceId.toStdString() + "/clients/6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
        const auto as = [](const User& u) { return httplib::Headers{{"Authorization", u.bearer}}; };
        QCOMPARE(client->Put(base, as(therapist), "{}", "application/json")->status, 201);

        std::vector<std::string> chunks, hashes;
        for (int i = 0; i < 5; ++i) {
            chunks.push_back(core::toHex(core::crypto::randomBytes(4096)));
            hashes.push_back(core::toHex(core::crypto::sha256(core::asBytes(chunks.back()))));
        }
        const auto upload = [&](const User& u, std::size_t i, const std::string& bytes) {
            return client->Put(base + "/blobs/" + hashes[i] + "?kind=recording", as(u), bytes, "application/octet-stream");
        };
        const auto owed = [&]() {
            auto r = client->Post(base + "/blobs/missing", as(therapist), json{{"hashes", hashes}}.dump(), "application/json");
            return r && r->status == 200 ? json::parse(r->body)["missing"].size() : std::size_t(999);
        };
        QCOMPARE(owed(), std::size_t(5));
        // Interrupted after two chunks; one arrived cut short, one altered: neither is kept.
        QCOMPARE(upload(therapist, 0, chunks[0])->status, 201);
        QCOMPARE(upload(therapist, 1, chunks[1])->status, 201);
        QCOMPARE(upload(therapist, 2, chunks[2].substr(0, 100))->status, 400);
        std::string altered = chunks[3];
        altered[0] = altered[0] == 'a' ? 'b' : 'a';
        QCOMPARE(upload(therapist, 3, altered)->status, 400);
        QCOMPARE(owed(), std::size_t(3));
        // Resumed: the rest, and a repeat, which is stored once.
        for (std::size_t i = 2; i < 5; ++i) QCOMPARE(upload(therapist, i, chunks[i])->status, 201);
        QCOMPARE(upload(therapist, 0, chunks[0])->status, 200);
        QCOMPARE(owed(), std::size_t(0));
        auto back = client->Get(base + "/blobs/" + hashes[4], as(therapist));
        QVERIFY(back && back->status == 200);
        QCOMPARE(back->body, chunks[4]);
        if (!onPostgres()) {
            // A chunk whose file is gone from the disk is answered with an error before any
            // byte is sent, not with 200 and a cut connection; and it is back once re-sent.
            const auto file = dataDir("blobs") / "blobs" / hashes[3].substr(0, 2) / hashes[3];
            const auto kept = file.string() + ".kept";
            std::filesystem::rename(file, kept);
            auto lost = client->Get(base + "/blobs/" + hashes[3], as(therapist));
            QVERIFY(lost);
            QCOMPARE(lost->status, 500);
            QCOMPARE(errorCode(lost), std::string("storage_error"));
            std::filesystem::rename(kept, file);
            QCOMPARE(client->Get(base + "/blobs/" + hashes[3], as(therapist))->body, chunks[3]);
        }
        // Recording chunks are the recording therapist's alone; a manager cannot upload either.
        QCOMPARE(client->Get(base + "/blobs/" + hashes[4], as(manager))->status, 404);
        QCOMPARE(upload(manager, 0, chunks[0])->status, 403);
        QCOMPARE(client->Put(base + "/blobs/" + hashes[0], as(therapist), chunks[0], "text/plain")->status, 415);
        QCOMPARE(client->Get(base + "/blobs/not-a-hash", as(therapist))->status, 404);
        // Erasure removes the chunks' bytes too (files of the embedded store, rows in PostgreSQL).
        const auto storedChunks = [&]() -> std::size_t {
            if (onPostgres()) {
                auto c = sync::server::pg::Connection::open(conninfoFor(dataDir("blobs")));
                return c ? std::size_t(std::stoul((*c)->run("SELECT count(*) FROM blobs").text(0, 0))) : 99;
            }
            std::size_t files = 0;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(dataDir("blobs") / "blobs"))
                files += entry.is_regular_file() ? 1u : 0u;
            return files;
        };
        QCOMPARE(storedChunks(), std::size_t(5));
        QCOMPARE(client->Post(base + "/erase", as(manager), "", "application/json")->status, 200);
        QCOMPARE(storedChunks(), std::size_t(0));
        QCOMPARE(client->Get(base + "/blobs/" + hashes[4], as(therapist))->status, 404);
    }

    // A chunk is read off the connection into the store in pieces: a chunk of the largest
    // size comes back byte for byte; an upload cut mid-body, or over the limit, leaves nothing
    // listed and (embedded store) no file behind; a refused upload's body is not kept either.
    void chunksStreamInAndCutUploadsLeaveNothing()
    {
        RunningServer server(dataDir("stream"));
        QVERIFY(server.port() > 0);
        auto client = server.client();
        const QString practiceId = newPractice(dir("stream"), "Stream");
        const User therapist = signUp(*client, dir("stream"), practiceId, "s1@x.org", "therapist");
        const User manager = signUp(*client, dir("stream"), practiceId, "sm@x.org", "practice_manager");
        QVERIFY(!therapist.bearer.empty() && !manager.bearer.empty());
        const std::string base = "/v1/practices/" + practiceId.toStdString() + "/clients/" + core::crypto::randomUuid();
        const auto as = [](const User& u) { return httplib::Headers{{"Authorization", u.bearer}}; };
        QCOMPARE(client->Put(base, as(therapist), "{}", "application/json")->status, 201);
        const auto chunk = [](std::size_t size) {
            const auto bytes = core::crypto::randomBytes(size);
            return std::string(bytes.begin(), bytes.end());
        };
        const auto hashOf = [](const std::string& bytes) { return core::toHex(core::crypto::sha256(core::asBytes(bytes))); };
        const auto filesOnDisk = [&]() -> std::size_t {
            std::size_t files = 0;
            if (!onPostgres() && std::filesystem::exists(dataDir("stream") / "blobs"))
                for (const auto& entry : std::filesystem::recursive_directory_iterator(dataDir("stream") / "blobs"))
                    files += entry.is_regular_file() ? 1u : 0u;
            return files;
        };

        // The largest chunk the limit allows (4 MiB of body, above the JSON limit): many of the
        // store's pieces.
        const std::string big = chunk(4 * 1024 * 1024);
        auto put = client->Put(base + "/blobs/" + hashOf(big) + "?kind=recording", as(therapist), big, "application/octet-stream");
        QVERIFY(put);
        QCOMPARE(put->status, 201);
        QCOMPARE(json::parse(put->body)["size"].get<std::size_t>(), big.size());
        auto back = client->Get(base + "/blobs/" + hashOf(big), as(therapist));
        QVERIFY(back && back->status == 200);
        QVERIFY(back->body == big);
        const std::size_t kept = filesOnDisk();

        // Cut after half of its declared length.
        const std::string cut = chunk(600 * 1024);
        {
            auto cutting = server.client();
            std::size_t sent = 0;
            auto r = cutting->Put(
                base + "/blobs/" + hashOf(cut), as(therapist), cut.size(),
                [&](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                    if (offset >= cut.size() / 2) return false;  // the sender gives up
                    const std::size_t n = std::min<std::size_t>(64 * 1024, cut.size() / 2 - offset);
                    sent += n;
                    return sink.write(cut.data() + offset, n);
                },
                "application/octet-stream");
            QVERIFY(!r || r->status >= 400);
            QCOMPARE(sent, cut.size() / 2);
        }
        // No body, even at the address of no bytes at all: refused, nothing listed.
        const std::string nothing = hashOf("");
        auto empty = client->Put(base + "/blobs/" + nothing, as(therapist), "", "application/octet-stream");
        QVERIFY(empty);
        QCOMPARE(empty->status, 400);
        QCOMPARE(errorCode(empty), std::string("invalid_input"));
        // Over the limit: 413 before anything is kept.
        const std::string over = chunk(4 * 1024 * 1024 + 1);
        auto tooBig = client->Put(base + "/blobs/" + hashOf(over), as(therapist), over, "application/octet-stream");
        QVERIFY(tooBig);
        QCOMPARE(tooBig->status, 413);
        // Refused (a manager does not upload), then the same connection carries on.
        auto refused = client->Put(base + "/blobs/" + hashOf(cut), as(manager), cut, "application/octet-stream");
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        QCOMPARE(client->Get(base + "/blobs/" + hashOf(big), as(therapist))->status, 200);

        auto owed = client->Post(base + "/blobs/missing", as(therapist),
                                 json{{"hashes", {hashOf(big), hashOf(cut), hashOf(over), nothing}}}.dump(), "application/json");
        QVERIFY(owed && owed->status == 200);
        QVERIFY(json::parse(owed->body)["missing"] == json({hashOf(cut), hashOf(over), nothing}));
        // The cut upload's handler may still be finishing: its temporary file goes when it does.
        for (int waited = 0; waited < 100 && filesOnDisk() != kept; ++waited)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        QCOMPARE(filesOnDisk(), kept);
        // And the cut chunk, sent whole, is stored.
        QCOMPARE(client->Put(base + "/blobs/" + hashOf(cut), as(therapist), cut, "application/octet-stream")->status, 201);
        QCOMPARE(client->Get(base + "/blobs/" + hashOf(cut), as(therapist))->body, cut);
    }

    // A recording's upload cut by SIGKILL: after the restart every acknowledged chunk is
    // there, the server says which are still owed, and the upload finishes from there.
    void killedDuringUploadResumes()
    {
        std::vector<std::string> chunks, hashes;
        for (int i = 0; i < 40; ++i) {
            const auto bytes = core::crypto::randomBytes(256 * 1024);
            chunks.emplace_back(bytes.begin(), bytes.end());
            hashes.push_back(core::toHex(core::crypto::sha256(bytes)));
        }
        std::string base, bearer;
        std::set<std::string> acknowledged;
        {
            RunningServer server(dataDir("upkill"));
            QVERIFY(server.port() > 0);
            auto setup = server.client();
            const QString practiceId = newPractice(dir("upkill"), "Upload");
            const User therapist = signUp(*setup, dir("upkill"), practiceId, "u@x.org", "therapist");
            QVERIFY(!therapist.bearer.empty());
            bearer = therapist.bearer;
            base = "/v1/practices/" + practiceId.toStdString() + "/clients/" + core::crypto::randomUuid();
            QCOMPARE(setup->Put(base, {{"Authorization", bearer}}, "{}", "application/json")->status, 201);
            std::atomic<int> done{0};
            std::mutex mutex;
            std::thread uploader([&] {
                auto c = server.client();
                for (std::size_t i = 0; i < chunks.size(); ++i) {
                    auto r = c->Put(base + "/blobs/" + hashes[i] + "?kind=recording", {{"Authorization", bearer}}, chunks[i],
                                    "application/octet-stream");
                    if (!r) return;  // the server is gone
                    if (r->status == 201 || r->status == 200) {
                        std::lock_guard lock(mutex);
                        acknowledged.insert(hashes[i]);
                    }
                    ++done;
                }
            });
            for (int waited = 0; done < 10 && waited < 300; ++waited) QTest::qWait(20);
            server.kill();
            uploader.join();
        }
        QVERIFY2(acknowledged.size() >= 10 && acknowledged.size() < chunks.size(), std::to_string(acknowledged.size()).c_str());
        // What a crash between a chunk's file and its row (or an erasure's commit and its file
        // removal) leaves: files no row lists, swept when the store opens alone.
        const auto strays = {dataDir("upkill") / "blobs" / "00" / std::string(64, '0'),
                             dataDir("upkill") / "blobs" / "00" / (std::string(64, '0') + ".1234.tmp")};
        if (!onPostgres())
            for (const auto& stray : strays) {
                std::filesystem::create_directories(stray.parent_path());
                std::ofstream(stray) << "ciphertext of an erased client";
            }
        RunningServer again(dataDir("upkill"));
        QVERIFY(again.port() > 0);
        for (const auto& stray : strays) QVERIFY2(!std::filesystem::exists(stray), stray.c_str());
        auto client = again.client();
        const httplib::Headers as = {{"Authorization", bearer}};
        auto owed = client->Post(base + "/blobs/missing", as, json{{"hashes", hashes}}.dump(), "application/json");
        QVERIFY(owed && owed->status == 200);
        const auto missing = json::parse(owed->body)["missing"].get<std::vector<std::string>>();
        for (const auto& h : missing) QVERIFY2(!acknowledged.count(h), "an acknowledged chunk was lost");
        // The one in flight at the kill may have been stored without its answer arriving.
        QVERIFY(missing.size() + acknowledged.size() + 1 >= chunks.size() && missing.size() + acknowledged.size() <= chunks.size());
        for (const auto& h : missing) {
            const auto i = static_cast<std::size_t>(std::find(hashes.begin(), hashes.end(), h) - hashes.begin());
            QCOMPARE(client->Put(base + "/blobs/" + h + "?kind=recording", as, chunks[i], "application/octet-stream")->status, 201);
        }
        owed = client->Post(base + "/blobs/missing", as, json{{"hashes", hashes}}.dump(), "application/json");
        QVERIFY(owed && owed->status == 200);
        QVERIFY(json::parse(owed->body)["missing"].empty());
        for (std::size_t i = 0; i < chunks.size(); i += 7) {
            auto back = client->Get(base + "/blobs/" + hashes[i], as);
            QVERIFY(back && back->status == 200);
            QVERIFY(back->body == chunks[i]);
        }
    }

    // A backup taken (while serving) before an erasure, restored afterwards: the erased client
    // stays erased, everyone else's records come back whole; a restore refuses a running store
    // and a backup from another store.
    void restoredBackupKeepsErasuresMade()
    {
        const QString data = dir("backup");
        const auto backup = m_tmp.path() / "store.backup";
        const QString database = onPostgres() ? QString::fromStdString(conninfoFor(dataDir("backup"))).section("dbname=", 1) : QString();
        std::string bearer, c1, c2, pa;
        {
            RunningServer server(dataDir("backup"));
            QVERIFY(server.port() > 0);
            auto client = server.client();
            const QString practiceId = newPractice(data, "Backed up");
            pa = practiceId.toStdString();
            const User therapist = signUp(*client, data, practiceId, "bk@x.org", "therapist");
            const User manager = signUp(*client, data, practiceId, "bkm@x.org", "practice_manager");
            bearer = therapist.bearer;
            c1 = "/v1/practices/" + pa + "/clients/7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e";
            c2 = "/v1/practices/" + pa + "/clients/8c9d0e1f-2a3b-4c4d-ae5f-6a7b8c9d0e1f";
            const httplib::Headers as = {{"Authorization", bearer}};
            for (const auto& c : {c1, c2}) QCOMPARE(client->Put(c, as, "{}", "application/json")->status, 201);
            QCOMPARE(client->Put(c1 + "/objects/9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a", as,
                                 json{{"type", "note"}, {"base_version", 0}, {"signed", false}, {"envelope", "eA=="}}.dump(), "application/json")
                         ->status,
                     200);
            QCOMPARE(client->Put(c2 + "/objects/0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b", as,
                                 json{{"type", "note"}, {"base_version", 0}, {"signed", true}, {"envelope", "eQ=="}}.dump(), "application/json")
                         ->status,
                     200);
            const std::string chunk = "recording chunk";
            QCOMPARE(client->Put(c1 + "/blobs/" + core::toHex(core::crypto::sha256(core::asBytes(chunk))), as, chunk,
                                 "application/octet-stream")
                         ->status,
                     201);
            if (onPostgres()) {
                // PostgreSQL is backed up with its own tools, while the server runs.
                const auto dumped = cluster()->client("pg_dump", {"-Fc", "-f", QString::fromStdString(backup.string()), database});
                QVERIFY2(dumped.exitCode == 0, dumped.err.constData());
                QCOMPARE(syncd({"admin", "backup", "--out", QString::fromStdString(backup.string()) + ".x", "--data-dir", data}).exitCode, 2);
            } else {
                const auto taken = syncd({"admin", "backup", "--out", QString::fromStdString(backup.string()), "--data-dir", data});
                QVERIFY2(taken.exitCode == 0, taken.err.constData());
                QVERIFY(taken.err.contains("1 blob(s)"));
            }
            QCOMPARE(client->Post(c1 + "/erase", {{"Authorization", manager.bearer}}, "", "application/json")->status, 200);
            if (!onPostgres()) {
                const auto busy = syncd({"admin", "restore", "--from", QString::fromStdString(backup.string()), "--data-dir", data});
                QCOMPARE(busy.exitCode, 1);
                QVERIFY2(busy.err.contains("stop noteward-syncd"), busy.err.constData());
            }
            QCOMPARE(server.stop(), 0);
        }
        if (onPostgres()) {
            // The database as the dump had it (before the erasure), then the erasure list replayed.
            QCOMPARE(cluster()->client("dropdb", {database}).exitCode, 0);
            QCOMPARE(cluster()->client("createdb", {database}).exitCode, 0);
            const auto back = cluster()->client("pg_restore", {"-d", database, QString::fromStdString(backup.string())});
            QVERIFY2(back.exitCode == 0, back.err.constData());
            auto before = storeAt(dataDir("backup"));
            QVERIFY(before);
            QVERIFY(before->clientAccess(pa, c1.substr(c1.rfind('/') + 1))->exists);  // the dump still has the client
            before.reset();
            const auto replayed = syncd({"admin", "replay-erasures", "--data-dir", data});
            QVERIFY2(replayed.exitCode == 0, replayed.err.constData());
            QVERIFY2(replayed.err.contains("1 erasure(s) made after the backup were made again"), replayed.err.constData());
        } else {
            const auto restored = syncd({"admin", "restore", "--from", QString::fromStdString(backup.string()), "--data-dir", data});
            QVERIFY2(restored.exitCode == 0, restored.err.constData());
            QVERIFY2(restored.err.contains("1 erasure(s) made after the backup were made again"), restored.err.constData());
        }

        RunningServer again(dataDir("backup"));
        QVERIFY(again.port() > 0);
        auto client = again.client();
        const httplib::Headers as = {{"Authorization", bearer}};
        QCOMPARE(client->Get(c1 + "/objects/9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a", as)->status, 404);
        QCOMPARE(client->Get(c2 + "/objects/0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b", as)->status, 200);
        const auto changes = json::parse(client->Get("/v1/practices/" + pa + "/changes", as)->body)["changes"];
        QVERIFY(std::any_of(changes.begin(), changes.end(), [](const json& c) { return c["type"] == "client_erased"; }));
        QCOMPARE(client->Put(c1, as, "{}", "application/json")->status, 404);  // the id stays taken
        if (onPostgres()) return;

        // Another store's key cannot read this backup.
        test::writeFile(m_tmp.path() / "other.key", QByteArray(64, '7') + "\n");
        ::chmod((m_tmp.path() / "other.key").c_str(), 0600);
        const auto config = m_tmp.path() / "other.json";
        test::writeFile(config, QByteArray(R"({"data_dir": "elsewhere", "region": "ukwest", "store_key_file": "other.key"})"));
        const auto foreign = syncd({"admin", "restore", "--from", QString::fromStdString(backup.string()), "--config",
                                    QString::fromStdString(config.string())});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(foreign.err.contains("cannot be read with this key file"), foreign.err.constData());
    }

    // A new auth key (password changed on the device) or a new authenticator needs the
    // current key and a fresh code besides the session, and ends every session of the account.
    void credentialChangesEndEverySession()
    {
        RunningServer server(dataDir("creds"));
        QVERIFY(server.port() > 0);
        auto client = server.client();
        const QString practiceId = newPractice(dir("creds"), "Creds");
        const auto token = QString::fromUtf8(syncd({"admin", "invite", "--practice", practiceId, "--email", "c@x.org", "--role",
                                                    "therapist", "--data-dir", dir("creds")})
                                                 .out)
                               .trimmed()
                               .toStdString();
        auto joined = client->Post("/v1/accounts/join", json{{"invitation", token}, {"email", "c@x.org"}, {"auth_key", hexKey('e')}}.dump(),
                                   "application/json");
        QVERIFY(joined && joined->status == 201);
        const auto secret = *sync::server::base32Decode(json::parse(joined->body)["mfa"]["secret"].get<std::string>());
        const auto code = [&](std::int64_t offset) { return sync::server::totpCode(secret, std::time(nullptr) + offset); };
        const auto signIn = [&](const std::string& key, const std::string& totp) -> std::string {
            auto r = client->Post("/v1/sessions", json{{"email", "c@x.org"}, {"auth_key", key}, {"totp", totp}}.dump(), "application/json");
            return r && r->status == 201 ? "Bearer " + json::parse(r->body)["token"].get<std::string>() : std::string();
        };
        const std::string laptop = signIn(hexKey('e'), code(-30)), desktop = signIn(hexKey('e'), code(0));
        QVERIFY(!laptop.empty() && !desktop.empty());
        const auto change = [&](const std::string& bearer, const json& body) {
            return client->Post("/v1/accounts/auth-key", {{"Authorization", bearer}}, body.dump(), "application/json");
        };
        // A token alone is not enough: the current key and a fresh code are asked for.
        QCOMPARE(change(laptop, {{"auth_key", hexKey('f')}, {"totp", code(30)}, {"new_auth_key", hexKey('9')}})->status, 401);
        QCOMPARE(change(laptop, {{"auth_key", hexKey('e')}, {"totp", code(0)}, {"new_auth_key", hexKey('9')}})->status, 401);  // spent
        auto changed = change(laptop, {{"auth_key", hexKey('e')}, {"totp", code(30)}, {"new_auth_key", hexKey('9')}});
        QVERIFY(changed);
        QCOMPARE(changed->status, 204);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", laptop}})->status, 401);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", desktop}})->status, 401);
        QVERIFY(signIn(hexKey('e'), code(30)).empty());  // the old key no longer signs in
        {
            auto store = storeAt(dataDir("creds"));
            QVERIFY(store);
            const auto account = store->accountByEmail("c@x.org").value().value();
            QVERIFY(sync::server::authKeyMatches(account.authHash, core::asBytes(std::string(32, '\x99'))));
            QVERIFY(!sync::server::authKeyMatches(account.authHash, core::asBytes(std::string(32, '\xee'))));
        }

        // A new authenticator: a new secret, to be confirmed; every session ends.
        const auto other = signUp(*client, dir("creds"), practiceId, "d@x.org", "therapist");
        QVERIFY(!other.bearer.empty());
        auto refused = client->Post("/v1/accounts/mfa", {{"Authorization", other.bearer}},
                                    json{{"auth_key", hexKey('e')}, {"totp", "000000"}}.dump(), "application/json");
        QCOMPARE(refused->status, 401);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", other.bearer}})->status, 200);
        auto reset = client->Post("/v1/accounts/mfa", {{"Authorization", other.bearer}},
                                  json{{"auth_key", hexKey('e')}, {"totp", sync::server::totpCode(other.totpSecret, std::time(nullptr) + 30)}}.dump(),
                                  "application/json");
        QVERIFY(reset);
        QCOMPARE(reset->status, 200);
        const std::string fresh = json::parse(reset->body)["mfa"]["secret"].get<std::string>();
        QVERIFY(*sync::server::base32Decode(fresh) != other.totpSecret);
        QCOMPARE(client->Get("/v1/me", {{"Authorization", other.bearer}})->status, 401);
        auto store = storeAt(dataDir("creds"));
        QVERIFY(store);
        const auto account = store->accountByEmail("d@x.org").value().value();
        QCOMPARE(account.totpSecret, fresh);
        QVERIFY(!account.mfaConfirmed);
        if (onPostgres()) {
            // In the database the secret is sealed with the server's key file, bound to its account.
            auto raw = sync::server::pg::Connection::open(conninfoFor(dataDir("creds")));
            QVERIFY(raw);
            const auto rows = (*raw)->run("SELECT id, totp_secret FROM accounts");
            QVERIFY(rows.size() >= 2);
            for (int i = 0; i < rows.size(); ++i) {
                QVERIFY2(rows.text(i, 1).rfind("aesgcm1:", 0) == 0, rows.text(i, 1).c_str());
                QVERIFY(rows.text(i, 1).find(fresh) == std::string::npos);
            }
            // A secret moved to another account does not open there.
            (*raw)->run("UPDATE accounts SET totp_secret = (SELECT totp_secret FROM accounts WHERE email = 'd@x.org') "
                        "WHERE email = 'c@x.org'");
            QVERIFY(!store->accountByEmail("c@x.org").ok());
        }
        // The audit log has both changes.
        const auto entries = store->audit(practiceId.toStdString(), 0, 1000).value();
        QVERIFY(std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.action == "account.auth_key_changed"; }));
        QVERIFY(std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.action == "mfa.reset"; }));
    }
};

QTEST_GUILESS_MAIN(TestSyncd)
#include "tst_syncd.moc"
