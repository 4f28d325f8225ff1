#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace noteward::sync::protocol {

inline constexpr const char* kApiVersion = "v1";

// GET /v1/info: what a client shows before it trusts a server with anything: where the data
// lives, and which API it speaks.
struct ServerInfo {
    std::string api = kApiVersion;
    std::string region;          // one of the UK allowlist, e.g. "eu-west-2"
    std::string jurisdiction = "UK";
    std::string serverVersion;
    bool mfaRequired = true;
    std::size_t maxChunkBytes = 0;  // the largest blob chunk the server takes: the size to cut uploads into
};

nlohmann::json toJson(const ServerInfo& info);
std::optional<ServerInfo> serverInfoFromJson(const nlohmann::json& json);

// Every error answer: a stable code for programs and a sentence for people.
struct WireError {
    std::string code;     // e.g. "invalid_input", "not_found", "payload_too_large"
    std::string message;
};

nlohmann::json toJson(const WireError& error);
std::optional<WireError> wireErrorFromJson(const nlohmann::json& json);

}  // namespace noteward::sync::protocol
