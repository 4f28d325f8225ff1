#include "server/open_store.h"

#include "server/data_folder.h"
#include "server/embedded_store.h"
#include "server/postgres_store.h"

namespace noteward::sync::server {

core::Result<std::unique_ptr<ServerStore>> openStore(const ServerConfig& config)
{
    if (!config.usesPostgresql()) {
        auto store = EmbeddedStore::open(config.dataDir, config.storeKeyPath());
        if (!store) return store.error();
        return std::unique_ptr<ServerStore>(std::move(store.value()));
    }
    if (auto folder = ensurePrivateDataFolder(config.dataDir); !folder) return folder.error();
    auto store = PostgresStore::open(config.postgresql, config.dataDir, config.storeKeyPath(), config.postgresqlConnections);
    if (!store) return store.error();
    return std::unique_ptr<ServerStore>(std::move(store.value()));
}

}  // namespace noteward::sync::server
