#pragma once

namespace httplib {
class Server;
}

namespace noteward::sync::server {

class ServerStore;
struct ServerConfig;

// Ciphertext chunks of a client (recordings, mostly), content-addressed by SHA-256:
// PUT and GET /v1/practices/{p}/clients/{c}/blobs/{sha256}, and POST …/blobs/missing to
// learn which chunks of an interrupted upload are still owed. Same access rule as objects;
// a recording's chunks are readable by their uploader alone.
void addBlobRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config);

}  // namespace noteward::sync::server
