#pragma once

namespace httplib {
class Server;
}

namespace noteward::sync::server {

class ServerStore;
struct ServerConfig;

// Clients, their envelopes and the practice's change feed, each behind the same rule: a user
// sees only their own practice; a therapist only the clients assigned to them; a practice
// manager every client's records but never another user's recordings or recording-key
// wraps. Anything else answers 404, exactly as an id that does not exist.
void addObjectRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config);

}  // namespace noteward::sync::server
