#include "server/open_store.h"

#include "server/embedded_store.h"
#include "server/postgres_store.h"

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

namespace {

core::Result<void> privateFolder(const std::filesystem::path& dir)
{
    std::error_code ec;
    const bool made = std::filesystem::create_directories(dir, ec);
    if (ec) return makeError(ErrorCode::Io, "Cannot create the data folder " + dir.string() + ": " + ec.message());
    using std::filesystem::perms;
    if (made) std::filesystem::permissions(dir, perms::owner_all, ec);
    const auto mode = std::filesystem::status(dir, ec).permissions();
    if (ec) return makeError(ErrorCode::Io, "Cannot read the data folder " + dir.string() + ": " + ec.message());
    if ((mode & (perms::group_all | perms::others_all)) != perms::none)
        return makeError(ErrorCode::InvalidInput, "The data folder " + dir.string() +
                                                      " is open to other users; make it the server user's alone (chmod 700).");
    return core::Ok{};
}

}  // namespace

core::Result<std::unique_ptr<ServerStore>> openStore(const ServerConfig& config)
{
    if (!config.usesPostgresql()) {
        auto store = EmbeddedStore::open(config.dataDir, config.storeKeyPath());
        if (!store) return store.error();
        return std::unique_ptr<ServerStore>(std::move(store.value()));
    }
    if (auto folder = privateFolder(config.dataDir); !folder) return folder.error();
    auto store = PostgresStore::open(config.postgresql, config.dataDir, config.storeKeyPath(), config.postgresqlConnections);
    if (!store) return store.error();
    return std::unique_ptr<ServerStore>(std::move(store.value()));
}

}  // namespace noteward::sync::server
