#pragma once

#include "server/request_auth.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}

namespace noteward::sync::server {

class ServerStore;

// The one authorisation rule for a client's records (see object_routes.h), and the answers
// every client route shares.
void notFound(httplib::Response& res);
void busy(httplib::Response& res);

// A whole-number query parameter in [0, max], `fallback` when absent; nothing when malformed.
std::optional<std::int64_t> queryNumber(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t max);

// The first `count` captures of the route, each a wire id; anything else is as good as absent.
bool idsValid(const httplib::Request& req, std::size_t count);

// Refuses `who` something that is someone else's with the same 404 as for nothing there, and
// records the refusal ("access.refused": the account and the id it asked for, ids only) in the
// audit log of the account's own practice, where its practice manager reads it (at most about
// one entry a second per account: the request log has the rest).
void refuseAccess(ServerStore& store, const SignedIn& who, const std::string& asked, httplib::Response& res);

// May `who` see this client's records? Writes the 404 (or 503) when not; a client that exists
// but is not theirs is refused (refuseAccess), one that does not exist is not found.
bool canSeeClient(ServerStore& store, const SignedIn& who, const std::string& practiceId, const std::string& clientId,
                  httplib::Response& res);

}  // namespace noteward::sync::server
