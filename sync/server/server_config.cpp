#include "server/server_config.h"

#include "server/pg_connection.h"
#include "server/residency.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

namespace {

core::Result<std::uint16_t> parsePort(std::string_view text)
{
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value > 65535)
        return makeError(ErrorCode::InvalidInput, "The port must be a number from 0 to 65535.");
    return static_cast<std::uint16_t>(value);
}

bool isLoopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

}  // namespace

core::Result<ServerConfig> embeddedServerConfig(const std::filesystem::path& dataDir, const std::string& listen)
{
    if (dataDir.empty()) return makeError(ErrorCode::InvalidInput, "--data-dir needs a folder.");
    ServerConfig config;
    config.dataDir = dataDir;
    std::string host;
    std::string_view port;
    if (!listen.empty() && listen.front() == '[') {
        const auto close = listen.find("]:");
        if (close == std::string::npos) return makeError(ErrorCode::InvalidInput, "--listen is HOST:PORT, or [IPv6]:PORT.");
        host = listen.substr(1, close - 1);
        port = std::string_view(listen).substr(close + 2);
    } else {
        const auto colon = listen.rfind(':');
        if (colon == std::string::npos || listen.find(':') != colon)
            return makeError(ErrorCode::InvalidInput, "--listen is HOST:PORT, or [IPv6]:PORT.");
        host = listen.substr(0, colon);
        port = std::string_view(listen).substr(colon + 1);
    }
    auto parsed = parsePort(port);
    if (!parsed) return parsed.error();
    config.listenHost = host;
    config.listenPort = parsed.value();
    return config;
}

core::Result<ServerConfig> loadServerConfig(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "Cannot read the configuration file " + file.string() + ".");
    constexpr std::size_t kMaxBytes = 64 * 1024;
    std::string text(kMaxBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxBytes) return makeError(ErrorCode::InvalidInput, "The configuration file is too large.");
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return makeError(ErrorCode::InvalidInput, "The configuration file " + file.string() + " is not a JSON object.");
    ServerConfig config;
    const auto base = file.parent_path();
    const auto path = [&](const nlohmann::json& v) {
        const std::filesystem::path p = v.get<std::string>();
        return p.is_absolute() ? p : base / p;
    };
    for (const auto& [key, value] : json.items()) {
        const auto wrong = [&](const char* what) {
            return makeError(ErrorCode::InvalidInput, "In " + file.string() + ": \"" + key + "\" must be " + what + ".");
        };
        const auto positive = [&](int& into, int max) -> core::Result<void> {
            if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > max)
                return wrong(("an integer from 1 to " + std::to_string(max)).c_str());
            into = value.get<int>();
            return core::Ok{};
        };
        core::Result<void> ok;
        if (key == "data_dir" || key == "tls_certificate" || key == "tls_private_key" || key == "store_key_file") {
            if (!value.is_string() || value.get<std::string>().empty()) return wrong("a path");
            (key == "data_dir"          ? config.dataDir
             : key == "tls_certificate" ? config.tlsCertificate
             : key == "tls_private_key" ? config.tlsPrivateKey
                                        : config.storeKeyFile) = path(value);
        } else if (key == "listen") {
            if (!value.is_string()) return wrong("\"HOST:PORT\"");
            auto listen = embeddedServerConfig("unused", value.get<std::string>());
            if (!listen) return makeError(ErrorCode::InvalidInput, "In " + file.string() + ": " + listen.error().message);
            config.listenHost = listen->listenHost;
            config.listenPort = listen->listenPort;
        } else if (key == "postgresql") {
            if (!value.is_string() || value.get<std::string>().empty()) return wrong("a PostgreSQL connection string");
            config.postgresql = value.get<std::string>();
        } else if (key == "postgresql_connections") {
            int connections = 0;
            ok = positive(connections, 100);
            config.postgresqlConnections = static_cast<std::size_t>(connections);
        } else if (key == "region") {
            if (!value.is_string()) return wrong("a region name");
            config.region = value.get<std::string>();
        } else if (key == "max_body_bytes") {
            if (!value.is_number_integer() || value.get<long long>() < 1024 || value.get<long long>() > 64LL * 1024 * 1024)
                return wrong("an integer from 1024 to 67108864");
            config.maxBodyBytes = value.get<std::size_t>();
        } else if (key == "max_chunk_bytes") {
            if (!value.is_number_integer() || value.get<long long>() < 64 * 1024 || value.get<long long>() > 64LL * 1024 * 1024)
                return wrong("an integer from 65536 to 67108864");
            config.maxChunkBytes = value.get<std::size_t>();
        } else if (key == "read_timeout_seconds") {
            ok = positive(config.readTimeoutSeconds, 300);
        } else if (key == "write_timeout_seconds") {
            ok = positive(config.writeTimeoutSeconds, 300);
        } else if (key == "idle_session_minutes") {
            ok = positive(config.idleSessionMinutes, 24 * 60);
        } else if (key == "absolute_session_hours") {
            ok = positive(config.absoluteSessionHours, 24 * 30);
        } else if (key == "invitation_days") {
            ok = positive(config.invitationDays, 90);
        } else if (key == "session_requests_per_second") {
            ok = positive(config.sessionRatePerSecond, 100000);
        } else {
            return makeError(ErrorCode::InvalidInput, "In " + file.string() + ": unknown setting \"" +
                                                          (key.size() <= 40 ? key : key.substr(0, 40) + "…") + "\".");
        }
        if (!ok) return ok.error();
    }
    if (config.dataDir.empty()) return makeError(ErrorCode::InvalidInput, "In " + file.string() + ": \"data_dir\" is required.");
    // No default region in a file: a configuration copied from elsewhere must say where it is.
    if (!json.contains("region"))
        return makeError(ErrorCode::InvalidInput, "In " + file.string() + ": \"region\" is required (a UK region).");
    return config;
}

core::Result<void> checkServerConfig(const ServerConfig& config)
{
    if (!isUkRegion(config.region)) return makeError(ErrorCode::Refused, residencyRefusal(config.region));
    if (config.usesPostgresql()) {
        // Command lines and process listings are readable by other users; libpq reads a
        // password file (passfile=…, or ~/.pgpass) that only the server's user can. Checked
        // first: an unreadable string is never repeated, and may still hold one.
        if (pg::conninfoHasPassword(config.postgresql))
            return makeError(ErrorCode::InvalidInput, "The PostgreSQL connection string holds a password; put it in a password "
                                                      "file (passfile=FILE, mode 0600) instead.");
        if (auto readable = pg::checkConninfo(config.postgresql); !readable) return readable.error();
        if (pg::conninfoNeedsVerifiedTls(config.postgresql))
            return makeError(ErrorCode::InvalidInput, "A PostgreSQL server across a network needs sslmode=verify-full (and "
                                                      "sslrootcert=…) in the connection string; only loopback and local "
                                                      "sockets may go without.");
    }
    if (config.tlsCertificate.empty() != config.tlsPrivateKey.empty())
        return makeError(ErrorCode::InvalidInput, "Give both tls_certificate and tls_private_key, or neither.");
    if (config.selfSigned() && !isLoopback(config.listenHost))
        return makeError(ErrorCode::InvalidInput,
                         "A self-signed certificate is for development on loopback only; give tls_certificate and "
                         "tls_private_key to listen on " + config.listenHost + ".");
    return core::Ok{};
}

}  // namespace noteward::sync::server
