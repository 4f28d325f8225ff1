#pragma once

#include "util/result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace noteward::sync::server {

// How noteward-syncd runs. Read from a JSON file (--config, documented in
// docs/sync-protocol.md, example in packaging/) or made from --data-dir and --listen, the
// embedded default for development on loopback.
struct ServerConfig {
    std::filesystem::path dataDir;            // the embedded store and, by default, the TLS files
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 8443;          // 0: any free port (printed at start)
    std::string region = "on-premises-uk";
    std::filesystem::path tlsCertificate;     // PEM; empty: a self-signed one for loopback
    std::filesystem::path tlsPrivateKey;
    std::filesystem::path storeKeyFile;       // the server's key (SQLCipher, or PostgreSQL's TOTP seal); empty: <data-dir>/store.key
    std::string postgresql;                   // libpq connection string; empty: the embedded store
    std::size_t postgresqlConnections = 8;
    std::size_t maxBodyBytes = 1024 * 1024;   // every request body but a blob chunk's
    // A blob chunk's body. Larger than a JSON request's because every chunk pays fixed costs to
    // be made durable (a file, its folder and a row synced: about 0.8 ms); at 1 MiB those held
    // uploads to about half of plain HTTP's speed. The embedded store never holds a chunk in
    // memory; PostgreSQL holds each one being uploaded (64 workers at most).
    std::size_t maxChunkBytes = 4 * 1024 * 1024;
    int readTimeoutSeconds = 15;
    int writeTimeoutSeconds = 15;
    int idleSessionMinutes = 30;
    int absoluteSessionHours = 12;
    int invitationDays = 7;
    int sessionRatePerSecond = 100;           // per signed-in session, bursts of ten seconds' worth

    bool usesPostgresql() const { return !postgresql.empty(); }
    bool selfSigned() const { return tlsCertificate.empty(); }
    std::filesystem::path storeKeyPath() const { return storeKeyFile.empty() ? dataDir / "store.key" : storeKeyFile; }
};

// A configuration file: a JSON object with the fields above (snake_case); unknown fields and
// wrong types are refused with the field's name. Paths are relative to the file's folder.
core::Result<ServerConfig> loadServerConfig(const std::filesystem::path& file);

// --data-dir DIR --listen HOST:PORT. HOST may be an IPv6 literal in brackets ([::1]:8443).
core::Result<ServerConfig> embeddedServerConfig(const std::filesystem::path& dataDir, const std::string& listen);

// Whatever the source: the region is a UK one, the limits are sane, a certificate comes with
// its key, and a self-signed certificate is only used on loopback.
core::Result<void> checkServerConfig(const ServerConfig& config);

}  // namespace noteward::sync::server
