#include "server/store_key.h"

#include "crypto/random.h"
#include "util/hex.h"
#include "vault/file_io.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

core::Result<core::crypto::SecretBytes> readStoreKeyFile(const std::filesystem::path& keyFile)
{
    std::error_code ec;
    const auto perms = std::filesystem::status(keyFile, ec).permissions();
    if (ec) return makeError(ErrorCode::Io, "Cannot read the store key file " + keyFile.string() + ": " + ec.message());
    using std::filesystem::perms;
    if ((perms & (perms::group_all | perms::others_all)) != perms::none)
        return makeError(ErrorCode::InvalidInput, "The store key file " + keyFile.string() +
                                                      " is readable by others; make it readable by the server's user only "
                                                      "(chmod 600).");
    auto bytes = core::vault::readWholeFile(keyFile, 256);
    if (!bytes) return bytes.error();
    std::string text(bytes->begin(), bytes->end());
    std::fill(bytes->begin(), bytes->end(), std::uint8_t{0});
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    const auto raw = core::fromHex(text);
    std::fill(text.begin(), text.end(), '\0');
    if (!raw || raw->size() != 32)
        return makeError(ErrorCode::InvalidInput, "The store key file " + keyFile.string() + " must hold 64 hexadecimal digits.");
    core::crypto::SecretBytes key(32);
    std::copy(raw->begin(), raw->end(), key.data());
    return key;
}

// A new key only for a new store (an existing store without its key is unreadable, and a
// fresh key would only hide that). Made with link(), which fails if the file exists: two
// processes starting on a new folder at once end up with the same key, never each their own.
core::Result<core::crypto::SecretBytes> loadOrCreateStoreKey(const std::filesystem::path& keyFile, bool storeExists)
{
    std::error_code ec;
    if (std::filesystem::exists(keyFile, ec)) return readStoreKeyFile(keyFile);
    if (storeExists)
        return makeError(ErrorCode::NotFound, "The store exists but its key file " + keyFile.string() +
                                                  " is missing; restore the key file (or the store from backup).");
    auto key = core::crypto::randomSecret(32);
    const std::string hex = core::toHex(key.view()) + "\n";
    const auto temp = keyFile.string() + "." + core::crypto::randomUuid() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return makeError(ErrorCode::Io, "Cannot create the store key file beside " + keyFile.string() + ".");
    const bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
    ::close(fd);
    const bool linked = written && ::link(temp.c_str(), keyFile.c_str()) == 0;
    const int linkErrno = errno;
    ::unlink(temp.c_str());
    if (linked) return key;
    if (written && linkErrno == EEXIST) return readStoreKeyFile(keyFile);  // another process made it first
    return makeError(ErrorCode::Io, "Cannot create the store key file " + keyFile.string() + ".");
}

}  // namespace noteward::sync::server
