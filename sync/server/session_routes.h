#pragma once

namespace httplib {
class Server;
}

namespace noteward::sync::server {

class LoginThrottle;
class ServerStore;
struct ServerConfig;

// Sign-in and out: POST /v1/sessions (e-mail, auth key and a TOTP code; each code once),
// GET /v1/me, DELETE /v1/sessions/current.
void addSessionRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config, LoginThrottle& byEmail,
                      LoginThrottle& byAddress);

}  // namespace noteward::sync::server
