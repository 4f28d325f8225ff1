#include "server/sync_server.h"

#include "server/request_auth.h"

#include "protocol/server_info.h"
#include "protocol/wire_ids.h"
#include "server/account_routes.h"
#include "server/audit_routes.h"
#include "server/blob_routes.h"
#include "server/http_replies.h"
#include "server/memory_trimmer.h"
#include "server/object_routes.h"
#include "server/request_body.h"
#include "server/session_routes.h"
#include "server/tls_context.h"
#include "server/tls_identity.h"

#include <httplib.h>

#include <chrono>
#include <set>
#include <ctime>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

namespace {
// When the request on this worker thread began (set before routing, read by the logger,
// both on the thread that handles the request).
constexpr std::size_t kWorkerThreads = 64;

thread_local std::chrono::steady_clock::time_point t_requestStart;
// Whether this request was counted in flight (one refused before routing never was).
thread_local bool t_inFlight = false;

// The path as logged: the API's own words and wire ids kept, anything else (whatever a client
// put in an address, decoded: it could be a name or an e-mail) replaced by "…".
std::string loggablePath(const std::string& path)
{
    static const std::set<std::string, std::less<>> words = {"v1",       "healthz",  "metrics", "info",    "accounts",
                                                             "join",     "sessions", "current", "me",      "practices",
                                                             "clients",  "objects",  "therapists", "changes", "erase", "audit", "devices", "audit-head", "blobs", "missing", "auth-key", "mfa"};
    std::string out;
    std::size_t from = 1;
    while (from <= path.size() && out.size() < 200) {
        const std::size_t slash = std::min(path.find('/', from), path.size());
        const std::string_view part = std::string_view(path).substr(from, slash - from);
        out += '/';
        out += part.empty() || words.count(part) || protocol::isWireId(part) ? std::string(part) : std::string("…");
        from = slash + 1;
    }
    return out;
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}
}  // namespace

SyncServer::SyncServer(ServerConfig config, ServerStore& store, std::ostream& log)
    : m_config(std::move(config)), m_store(store), m_log(log), m_sessionRate(m_config.sessionRatePerSecond)
{
}

SyncServer::~SyncServer() = default;

core::Result<int> SyncServer::bind()
{
    std::filesystem::path certificate = m_config.tlsCertificate;
    std::filesystem::path key = m_config.tlsPrivateKey;
    if (m_config.selfSigned()) {
        auto identity = loopbackIdentity(m_config.dataDir);
        if (!identity) return identity.error();
        certificate = identity->certificate;
        key = identity->privateKey;
    }
    core::Result<void> tls;
    m_http = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
        tls = configureServerTls(ctx, certificate, key);
        return tls.ok();
    });
    if (!tls) return tls.error();
    if (!m_http->is_valid()) return makeError(ErrorCode::Internal, "The TLS server could not be set up.");
    // The library has one limit for every route: the larger of the two. JSON routes keep
    // their own, smaller one before reading (see withJsonBody).
    m_http->set_payload_max_length(std::max(m_config.maxBodyBytes, m_config.maxChunkBytes));
    m_http->set_read_timeout(m_config.readTimeoutSeconds, 0);
    m_http->set_write_timeout(m_config.writeTimeoutSeconds, 0);
    // A sync client keeps one connection; each open connection holds a worker thread while
    // it waits for the next request, so there are enough workers for a practice's devices and
    // an idle connection is let go after 5 s.
    m_http->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    m_http->set_keep_alive_max_count(1000);
    m_http->set_keep_alive_timeout(5);
    // Small JSON answers must not wait for Nagle's algorithm against the client's delayed ACK
    // (about 40 ms a request on keep-alive connections).
    m_http->set_tcp_nodelay(true);
    addRoutes();
    const int port = m_config.listenPort == 0 ? m_http->bind_to_any_port(m_config.listenHost)
                                              : (m_http->bind_to_port(m_config.listenHost, m_config.listenPort)
                                                     ? m_config.listenPort
                                                     : -1);
    if (port <= 0)
        return makeError(ErrorCode::Unavailable, "Cannot listen on " + m_config.listenHost + ":" +
                                                     std::to_string(m_config.listenPort) + " (in use, or not an address here).");
    return port;
}

bool SyncServer::serve()
{
    if (!m_http) return false;
    const MemoryTrimmer trimmer(std::chrono::seconds(30));
    return m_http->listen_after_bind();
}

void SyncServer::stop()
{
    if (m_http) m_http->stop();
}

void SyncServer::logLine(const std::string& json)
{
    std::lock_guard lock(m_logMutex);
    m_log << json << '\n';
    m_log.flush();
}

void SyncServer::addRoutes()
{
    auto& http = *m_http;
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        t_requestStart = std::chrono::steady_clock::now();
        t_inFlight = true;
        forgetAdmittedSession();
        m_metrics.started();
        // Methods with no route here are refused before any body is read: the library reads a
        // PRI request's body into memory, without a limit when it declares no length.
        static const std::set<std::string> known = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
        if (known.count(req.method) == 0) {
            res.set_header("Connection", "close");
            replyError(res, 405, "method_not_allowed", "This server does not take that method.");
            return httplib::Server::HandlerResponse::Handled;
        }
        readBodyAsSent(req);
        // The body limit only holds for a declared length: a chunked body, or one read until
        // the connection closes, would be read whole into memory. Refused before any is read.
        if (req.has_header("Transfer-Encoding")) {
            res.set_header("Connection", "close");
            replyError(res, 411, "length_required", "Send the body with a Content-Length, not chunked.");
            return httplib::Server::HandlerResponse::Handled;
        }
        if ((req.method == "POST" || req.method == "PUT" || req.method == "PATCH") && !req.has_header("Content-Length")) {
            res.set_header("Connection", "close");
            replyError(res, 411, "length_required", "Send the body with a Content-Length.");
            return httplib::Server::HandlerResponse::Handled;
        }
        // A session over its rate is turned away before the store is asked anything: at once
        // when the request has no body, else once the body is read (see refuseForRateAfterBody).
        if (const auto hash = bearerTokenHash(req); !hash.empty())
            if (const auto wait = m_sessionRate.retryAfter(hash, SessionRateLimiter::secondsNow())) {
                if (req.get_header_value<std::uint64_t>("Content-Length") > 0) {
                    refuseForRateAfterBody(static_cast<int>(*wait));
                    return httplib::Server::HandlerResponse::Unhandled;
                }
                res.set_header("Retry-After", std::to_string(*wait));
                replyError(res, 429, "rate_limited", "Too many requests from this session; slow down and try again.");
                return httplib::Server::HandlerResponse::Handled;
            }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        // Charged once answered, and only for a session a route admitted: made-up tokens, and
        // tokens sent to routes that never look at them, get no bucket.
        if (!admittedSession().empty()) m_sessionRate.charge(admittedSession(), SessionRateLimiter::secondsNow());
        forgetAdmittedSession();
        const auto took = t_inFlight ? std::chrono::duration_cast<std::chrono::microseconds>(
                                           std::chrono::steady_clock::now() - t_requestStart)
                                     : std::chrono::microseconds(0);
        m_metrics.finished(res.status, took, t_inFlight);
        t_inFlight = false;
        nlohmann::json line = {{"ts", utcNow()},
                               {"method", req.method},
                               {"path", loggablePath(req.path)},
                               {"status", res.status},
                               {"ms", static_cast<double>(took.count()) / 1000.0}};
        logLine(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) replyStatusError(res);
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        // The exception's text may hold anything: it is not sent, and only its kind is logged.
        logLine(R"({"event":"exception"})");
        replyError(res, 500, "server_error", "The server could not complete the request.");
    });

    http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
    http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(m_metrics.render(), "text/plain; version=0.0.4");
    });
    http.Get("/v1/info", [this](const httplib::Request&, httplib::Response& res) {
        protocol::ServerInfo info;
        info.region = m_config.region;
        info.serverVersion = NOTEWARD_SYNCD_VERSION;
        info.maxChunkBytes = m_config.maxChunkBytes;
        replyJson(res, 200, protocol::toJson(info));
    });
    addAccountRoutes(http, m_store, m_config);
    addSessionRoutes(http, m_store, m_config, m_loginsByEmail, m_loginsByAddress);
    addObjectRoutes(http, m_store, m_config);
    addAuditRoutes(http, m_store, m_config);
    addBlobRoutes(http, m_store, m_config);
    // Last: a body sent to no route is read and dropped, then answered 404 (the library would
    // keep it in memory, up to the chunk limit).
    const auto nowhere = [](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& read) {
        dropBody(read);
        res.status = 404;
    };
    http.Post(".*", nowhere);
    http.Put(".*", nowhere);
    http.Patch(".*", nowhere);
    http.Delete(".*", nowhere);
}

}  // namespace noteward::sync::server
