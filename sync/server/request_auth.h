#pragma once

#include "server/server_store.h"

#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}

namespace noteward::sync::server {

struct ServerConfig;

struct SignedIn {
    Account account;
    std::string tokenHash;
};

// The account behind "Authorization: Bearer <token>", if the session is valid now; otherwise
// the 401 (one answer for a missing, unknown, expired or revoked token) is already written.
std::optional<SignedIn> requireSignedIn(ServerStore& store, const ServerConfig& config, const httplib::Request& req,
                                        httplib::Response& res);

// SHA-256 of a token as stored (tokens are 64 hex digits; anything else matches nothing).
std::string tokenHash(const std::string& token);
// The hash of the request's bearer token, or empty when it carries none of the right shape.
std::string bearerTokenHash(const httplib::Request& req);

// The session requireSignedIn admitted for the request this worker thread is answering (its
// token's hash), or empty: what the per-session rate limit charges. Cleared as each request
// starts (a worker answers one request at a time, start to finish).
const std::string& admittedSession();
void forgetAdmittedSession();

// A session over its rate that sent a body is refused by requireSignedIn, after the body has
// been read, not before it (cpp-httplib 0.11 keeps the connection open whatever the answer
// says, so an unread body would be read as the next request): the seconds to wait, for this
// worker's current request. Cleared with forgetAdmittedSession.
void refuseForRateAfterBody(int retryAfterSeconds);

}  // namespace noteward::sync::server
