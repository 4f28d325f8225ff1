#pragma once

#include "server/login_throttle.h"
#include "server/server_config.h"
#include "server/server_metrics.h"
#include "server/server_store.h"
#include "server/session_rate_limiter.h"
#include "util/result.h"

#include <memory>
#include <mutex>
#include <ostream>

namespace httplib {
class SSLServer;
}

namespace noteward::sync::server {

// noteward-syncd's HTTPS front: TLS 1.2+ (1.3 preferred, AEAD suites only), the /v1 API,
// /healthz and /metrics, size limits and timeouts, one JSON log line per request (method,
// route, status, time: no bodies, no tokens, no addresses).
class SyncServer {
public:
    SyncServer(ServerConfig config, ServerStore& store, std::ostream& log);
    ~SyncServer();
    SyncServer(const SyncServer&) = delete;
    SyncServer& operator=(const SyncServer&) = delete;

    // Loads the TLS identity and binds; returns the port (the chosen one when configured as 0).
    core::Result<int> bind();
    // Serves until stop(); returns once requests in flight are answered: true after a stop,
    // false when the listener failed.
    bool serve();
    // Safe from any thread (a signal-watching one).
    void stop();

private:
    void addRoutes();
    void logLine(const std::string& json);

    ServerConfig m_config;
    ServerStore& m_store;
    std::ostream& m_log;
    std::mutex m_logMutex;
    ServerMetrics m_metrics;
    LoginThrottle m_loginsByEmail{5};
    LoginThrottle m_loginsByAddress{20};
    SessionRateLimiter m_sessionRate;
    std::unique_ptr<httplib::SSLServer> m_http;
};

}  // namespace noteward::sync::server
