#pragma once

#include "server/server_config.h"
#include "util/result.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace noteward::sync::server {

// "--name value" pairs after a command, each known and given once.
core::Result<std::map<std::string, std::string>> parseOptions(const std::vector<std::string>& args, std::size_t from,
                                                              const std::set<std::string>& known);

// The server's configuration from --config FILE, or --data-dir DIR [--listen HOST:PORT]
// [--region R] (loopback port 8443 by default); checked (UK region, limits, TLS files).
core::Result<ServerConfig> configFromOptions(const std::map<std::string, std::string>& options);

}  // namespace noteward::sync::server
