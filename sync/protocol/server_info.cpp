#include "protocol/server_info.h"

namespace noteward::sync::protocol {

nlohmann::json toJson(const ServerInfo& info)
{
    return {{"api", info.api},
            {"region", info.region},
            {"jurisdiction", info.jurisdiction},
            {"server_version", info.serverVersion},
            {"mfa_required", info.mfaRequired}};
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
    if (!api || !region || !jurisdiction || !version || mfa == json.end() || !mfa->is_boolean()) return std::nullopt;
    return ServerInfo{*api, *region, *jurisdiction, *version, mfa->get<bool>()};
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
