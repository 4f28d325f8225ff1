#include "protocol/server_info.h"

namespace noteward::sync::protocol {

nlohmann::json toJson(const ServerInfo& info)
{
    return {{"api", info.api},
            {"region", info.region},
            {"jurisdiction", info.jurisdiction},
            {"server_version", info.serverVersion},
            {"mfa_required", info.mfaRequired},
            {"max_chunk_bytes", info.maxChunkBytes}};
}

std::optional<ServerInfo> serverInfoFromJson(const nlohmann::json& json)
{
    if (!json.is_object()) return std::nullopt;
    const auto text = [&](const char* key) -> std::optional<std::string> {
        const auto it = json.find(key);
        if (it == json.end() || !it->is_string()) return std::nullopt;
        return it->get<std::string>();
    };
    const auto api = text("api"), region = text("region"), jurisdiction = text("jurisdiction"),
               version = text("server_version");
    const auto mfa = json.find("mfa_required");
    const auto chunk = json.find("max_chunk_bytes");
    if (!api || !region || !jurisdiction || !version || mfa == json.end() || !mfa->is_boolean() || chunk == json.end() ||
        !chunk->is_number_unsigned() || chunk->get<std::uint64_t>() == 0)
        return std::nullopt;
    return ServerInfo{*api, *region, *jurisdiction, *version, mfa->get<bool>(), chunk->get<std::size_t>()};
}

nlohmann::json toJson(const WireError& error) { return {{"error", {{"code", error.code}, {"message", error.message}}}}; }

std::optional<WireError> wireErrorFromJson(const nlohmann::json& json)
{
    if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return std::nullopt;
    const auto& e = json["error"];
    if (!e.contains("code") || !e["code"].is_string() || !e.contains("message") || !e["message"].is_string())
        return std::nullopt;
    return WireError{e["code"].get<std::string>(), e["message"].get<std::string>()};
}

}  // namespace noteward::sync::protocol
