#include "server/command_line.h"

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

core::Result<std::map<std::string, std::string>> parseOptions(const std::vector<std::string>& args, std::size_t from,
                                                              const std::set<std::string>& known)
{
    std::map<std::string, std::string> options;
    for (std::size_t i = from; i < args.size(); i += 2) {
        const std::string& name = args[i];
        if (!known.count(name)) return makeError(ErrorCode::InvalidInput, "Unknown option " + name.substr(0, 40) + ".");
        if (i + 1 >= args.size()) return makeError(ErrorCode::InvalidInput, name + " needs a value.");
        if (!options.emplace(name, args[i + 1]).second)
            return makeError(ErrorCode::InvalidInput, name + " is given more than once.");
    }
    return options;
}

core::Result<ServerConfig> configFromOptions(const std::map<std::string, std::string>& options)
{
    const auto has = [&](const char* name) { return options.count(name) > 0; };
    core::Result<ServerConfig> config = makeError(ErrorCode::InvalidInput, "");
    if (has("--config")) {
        if (has("--data-dir") || has("--listen") || has("--region") || has("--postgresql"))
            return makeError(ErrorCode::InvalidInput, "Give --config, or --data-dir (with --listen), not both.");
        config = loadServerConfig(options.at("--config"));
    } else if (has("--data-dir")) {
        config = embeddedServerConfig(options.at("--data-dir"), has("--listen") ? options.at("--listen") : "127.0.0.1:8443");
        if (config && has("--region")) config->region = options.at("--region");
        if (config && has("--postgresql")) config->postgresql = options.at("--postgresql");
    } else {
        return makeError(ErrorCode::InvalidInput, "Give --config FILE, or --data-dir DIR --listen HOST:PORT.");
    }
    if (!config) return config.error();
    if (auto checked = checkServerConfig(*config); !checked) return checked.error();
    return config;
}

}  // namespace noteward::sync::server
