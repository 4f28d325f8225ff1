#pragma once

namespace httplib {
class Server;
}

namespace noteward::sync::server {

class ServerStore;
struct ServerConfig;

// GET /v1/practices/{p}/audit (practice managers): the server's hash-chained log of the
// practice, ids only. PUT and GET /v1/devices/{d}/audit-head: each device reports the head of
// its own audit chain on every sync, and the server keeps the newest, so a vault whose latest
// entries were cut off is found out.
void addAuditRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config);

}  // namespace noteward::sync::server
