#pragma once

namespace httplib {
class Server;
}

namespace noteward::sync::server {

class ServerStore;
struct ServerConfig;

// /v1/accounts: joining a practice with an invitation (the client-derived auth key, never
// the password; a TOTP secret is issued, since every account needs a second factor).
void addAccountRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config);

}  // namespace noteward::sync::server
