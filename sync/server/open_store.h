#pragma once

#include "server/server_config.h"
#include "server/server_store.h"

#include <memory>

namespace noteward::sync::server {

// The store the configuration names: PostgreSQL when it gives a connection string, else the
// embedded SQLCipher store in the data folder. The data folder is made (0700) either way: it
// holds the TLS files and the erasure list.
core::Result<std::unique_ptr<ServerStore>> openStore(const ServerConfig& config);

}  // namespace noteward::sync::server
