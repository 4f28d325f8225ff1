#include "vault/file_io.h"

#include "crypto/random.h"
#include "util/hex.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#ifdef _WIN32
#include <io.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace noteward::core::vault {

namespace fs = std::filesystem;

Error fileWriteError(int errnoValue, const fs::path& file)
{
    if (errnoValue == ENOSPC || errnoValue == EFBIG
#ifdef EDQUOT
        || errnoValue == EDQUOT
#endif
    )
        return makeError(ErrorCode::DiskFull,
                         "The disk is full, so " + file.filename().string() + " was not written. Nothing was changed.");
    return makeError(ErrorCode::Io, "Could not write " + file.string() + ": " + std::strerror(errnoValue));
}

void syncDirectory(const fs::path& dir)
{
#ifndef _WIN32
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    (void)dir;
#endif
}

Result<void> createPrivateDirectory(const fs::path& dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return makeError(ErrorCode::Io, "Could not create the folder " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    return Ok{};
}

namespace {
constexpr std::string_view kTempSuffix = ".tmp";
}  // namespace

DurableFileWriter::DurableFileWriter(fs::path target) : m_target(std::move(target)) {}

DurableFileWriter::~DurableFileWriter()
{
    if (m_file) std::fclose(m_file);
    if (!m_committed && !m_temp.empty()) {
        std::error_code ec;
        fs::remove(m_temp, ec);
    }
}

Result<void> DurableFileWriter::open()
{
    if (m_file) return makeError(ErrorCode::Internal, "file opened twice");
#ifndef _WIN32
    // A fresh random name, created exclusively and never through a symlink: a planted
    // `target`.tmp (or a link to someone else's file) is never written through.
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
        m_temp = fs::path(m_target).concat("." + toHex(crypto::randomBytes(8)) + std::string(kTempSuffix));
        fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
        const int failure = errno;
        m_temp.clear();
        return fileWriteError(failure, m_target);
    }
    m_file = ::fdopen(fd, "wb");
    if (!m_file) {
        ::close(fd);
        return fileWriteError(errno, m_target);
    }
#else
    m_temp = fs::path(m_target).concat("." + toHex(crypto::randomBytes(8)) + std::string(kTempSuffix));
    m_file = std::fopen(m_temp.string().c_str(), "wbx");
    if (!m_file) return fileWriteError(errno, m_target);
#endif
    return Ok{};
}

Result<void> DurableFileWriter::write(ByteView data)
{
    if (!m_file) return makeError(ErrorCode::Internal, "write to a file that is not open");
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), m_file) != data.size())
        return fileWriteError(errno, m_target);
    return Ok{};
}

Result<void> DurableFileWriter::startWriteback()
{
    if (!m_file) return makeError(ErrorCode::Internal, "write-back of a file that is not open");
    if (std::fflush(m_file) != 0) return fileWriteError(errno, m_target);
#ifdef __linux__
    // Advisory: a failure here is met again, and reported, by commit()'s fsync.
    (void)::sync_file_range(::fileno(m_file), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
    return Ok{};
}

Result<void> DurableFileWriter::commit()
{
    if (!m_file) return makeError(ErrorCode::Internal, "commit of a file that is not open");
    std::FILE* file = m_file;
    m_file = nullptr;
    int failure = 0;
    if (std::fflush(file) != 0) failure = errno;
#ifndef _WIN32
    if (failure == 0 && ::fsync(::fileno(file)) != 0) failure = errno;
#else
    if (failure == 0 && ::_commit(::_fileno(file)) != 0) failure = errno;
#endif
    if (std::fclose(file) != 0 && failure == 0) failure = errno;
    if (failure != 0) return fileWriteError(failure, m_target);

    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec) return makeError(ErrorCode::Io, "Could not write " + m_target.string() + ": " + ec.message());
    m_committed = true;
    syncDirectory(m_target.parent_path());
    return Ok{};
}

Result<void> writeFileAtomically(const fs::path& target, ByteView data)
{
    DurableFileWriter writer(target);
    if (auto r = writer.open(); !r) return r;
    if (auto r = writer.write(data); !r) return r;
    return writer.commit();
}

void removeStaleTemporaries(const fs::path& target)
{
    std::error_code ec;
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string prefix = target.filename().string() + ".";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // Exactly the writer's pattern: prefix, 16 hex digits, ".tmp".
        if (name.size() != prefix.size() + 16 + kTempSuffix.size() || name.rfind(prefix, 0) != 0 ||
            !name.ends_with(kTempSuffix))
            continue;
        const std::string middle = name.substr(prefix.size(), 16);
        if (middle.find_first_not_of("0123456789abcdef") != std::string::npos) continue;
        if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
        fs::remove(it->path(), ec);
    }
}

Result<Bytes> readWholeFile(const fs::path& file, std::uintmax_t maxBytes)
{
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return makeError(ErrorCode::NotFound, "Could not read " + file.string() + ": " + ec.message());
    if (size > maxBytes)
        return makeError(ErrorCode::InvalidInput,
                         file.filename().string() + " is too large to be what Noteward expects.");
    std::ifstream in(file, std::ios::binary);
    Bytes data(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size()));
    if (!in) return makeError(ErrorCode::Io, "Could not read " + file.string());
    return data;
}

}  // namespace noteward::core::vault
