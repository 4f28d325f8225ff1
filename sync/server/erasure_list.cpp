#include "server/erasure_list.h"

#include "server/server_store.h"

#include <fstream>

#include <fcntl.h>
#include <unistd.h>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

std::filesystem::path erasureListPath(const std::filesystem::path& dataDir) { return dataDir / "erasure-list"; }

core::Result<void> appendErasure(const std::filesystem::path& dataDir, const std::string& clientId, const std::string& practiceId)
{
    const std::string line = clientId + " " + practiceId + "\n";
    const int fd = ::open(erasureListPath(dataDir).c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    const bool listed = fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!listed) return makeError(ErrorCode::Io, "The client was erased, but the erasure list could not be written.");
    return core::Ok{};
}

core::Result<std::size_t> replayErasures(ServerStore& store, const std::filesystem::path& dataDir)
{
    std::error_code ec;
    const auto file = erasureListPath(dataDir);
    if (!std::filesystem::exists(file, ec)) return std::size_t{0};
    std::ifstream list(file);
    if (!list) return makeError(ErrorCode::Io, "Cannot read the erasure list " + file.string() + ".");
    // Read whole first: each erasure made again appends its own line.
    std::vector<std::pair<std::string, std::string>> listed;
    std::string client, practice;
    while (list >> client >> practice) listed.emplace_back(client, practice);
    std::size_t replayed = 0;
    for (const auto& [clientId, practiceId] : listed) {
        auto access = store.clientAccess(practiceId, clientId);
        if (!access) return access.error();
        if (!access->exists) continue;
        if (auto erased = store.eraseClient(practiceId, clientId, ""); !erased) return erased.error();
        ++replayed;
    }
    return replayed;
}

}  // namespace noteward::sync::server
