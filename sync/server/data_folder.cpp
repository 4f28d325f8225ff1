#include "server/data_folder.h"

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

core::Result<void> ensurePrivateDataFolder(const std::filesystem::path& dir)
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

}  // namespace noteward::sync::server
