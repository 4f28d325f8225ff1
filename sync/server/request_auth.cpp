#include "server/request_auth.h"

#include "crypto/sha256.h"
#include "server/http_replies.h"
#include "server/server_config.h"
#include "util/hex.h"

#include <httplib.h>

#include <ctime>
#include <string>

namespace noteward::sync::server {

std::string tokenHash(const std::string& token) { return core::toHex(core::crypto::sha256(core::asBytes(token))); }

namespace {
thread_local std::string t_admitted;
thread_local int t_rateRefusal = 0;  // seconds to wait; 0: none
}  // namespace

const std::string& admittedSession() { return t_admitted; }
void forgetAdmittedSession()
{
    t_admitted.clear();
    t_rateRefusal = 0;
}
void refuseForRateAfterBody(int retryAfterSeconds) { t_rateRefusal = retryAfterSeconds; }

std::string bearerTokenHash(const httplib::Request& req)
{
    const std::string header = req.get_header_value("Authorization");
    static constexpr std::string_view kBearer = "Bearer ";
    if (header.size() != kBearer.size() + 64 || header.compare(0, kBearer.size(), kBearer) != 0) return {};
    return tokenHash(header.substr(kBearer.size()));
}

std::optional<SignedIn> requireSignedIn(ServerStore& store, const ServerConfig& config, const httplib::Request& req,
                                        httplib::Response& res)
{
    const auto refuse = [&]() -> std::optional<SignedIn> {
        res.set_header("WWW-Authenticate", "Bearer");
        replyError(res, 401, "unauthenticated", "Sign in first: the session is missing, expired or ended.");
        return std::nullopt;
    };
    if (t_rateRefusal > 0) {
        res.set_header("Retry-After", std::to_string(t_rateRefusal));
        replyError(res, 429, "rate_limited", "Too many requests from this session; slow down and try again.");
        return std::nullopt;
    }
    const std::string hash = bearerTokenHash(req);
    if (hash.empty()) return refuse();
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto signedIn = store.useSessionWithAccount(hash, now, static_cast<std::int64_t>(config.idleSessionMinutes) * 60);
    if (!signedIn) {
        replyError(res, 503, "busy", "The server could not check the session; try again.");
        return std::nullopt;
    }
    if (!signedIn->has_value()) return refuse();
    t_admitted = hash;
    return SignedIn{std::move((*signedIn)->account), hash};
}

}  // namespace noteward::sync::server
