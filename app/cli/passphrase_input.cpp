#include "passphrase_input.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <fstream>
#include <iostream>
#include <string>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace noteward::cli {

using core::ErrorCode;
using core::makeError;
using core::ByteView;
using core::crypto::SecretBytes;
using core::asBytes;

namespace {
constexpr std::size_t kMaxPassphraseBytes = 1024;

// Reads one line from `fd` byte by byte straight into wiped memory (no stdio buffer, no
// growing std::string), up to kMaxPassphraseBytes; the line end is dropped.
core::Result<SecretBytes> readLine(int fd, const char* tooLong)
{
    SecretBytes buffer(kMaxPassphraseBytes);
    std::size_t length = 0;
    for (;;) {
        unsigned char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || c == '\n') break;
        if (length == buffer.size()) return makeError(ErrorCode::InvalidInput, tooLong);
        buffer.data()[length++] = c;
    }
    while (length > 0 && buffer.data()[length - 1] == '\r') --length;
    return SecretBytes(ByteView(buffer.data(), length));
}

core::Result<SecretBytes> fromFile(const std::filesystem::path& file)
{
#ifndef _WIN32
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        std::cerr << "noteward-cli: warning: " << file.string()
                  << " can be read by other users; make it private with chmod 600\n";
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError(ErrorCode::NotFound, "Cannot read the passphrase file " + file.string() + ".");
    auto line = readLine(fd, "The passphrase file holds more than a passphrase.");
    ::close(fd);
    return line;
#else
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "Cannot read the passphrase file " + file.string() + ".");
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.size() > kMaxPassphraseBytes)
        return makeError(ErrorCode::InvalidInput, "The passphrase file holds more than a passphrase.");
    return SecretBytes::takeString(line);
#endif
}

#ifndef _WIN32
core::Result<SecretBytes> promptOnTerminal(std::string_view prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return makeError(ErrorCode::InvalidInput,
                         "No passphrase given: set NOTEWARD_PASSPHRASE, use --passphrase-file FILE, or run in a terminal.");
    termios saved{};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!::write(fd, prompt.data(), prompt.size());
    auto line = readLine(fd, "The passphrase is too long.");
    // Echo comes back and the descriptor closes on every path, including a too-long line.
    if (isTerminal) ::tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    return line;
}
#else
core::Result<SecretBytes> promptOnTerminal(std::string_view)
{
    return makeError(ErrorCode::InvalidInput, "No passphrase given: set NOTEWARD_PASSPHRASE or use --passphrase-file FILE.");
}
#endif

// The variable's value, taken into wiped memory; the variable is then removed from this
// process's environment so it is not inherited by anything started later. Kept for later
// reads in the same process (a command may need the passphrase twice).
std::optional<SecretBytes> fromEnvironment(const char* name)
{
    static std::map<std::string, SecretBytes> taken;
    if (const auto it = taken.find(name); it != taken.end()) return it->second.clone();
    const char* value = std::getenv(name);
    if (value == nullptr || *value == 0) return std::nullopt;
    SecretBytes secret(asBytes(std::string_view(value)));
    // Overwrite the environment's copy before removing it.
    std::memset(const_cast<char*>(value), 0, std::strlen(value));
    ::unsetenv(name);
    taken.emplace(name, secret.clone());
    return secret;
}
}  // namespace

core::Result<SecretBytes> readPassphrase(const Arguments& args, const PassphraseRequest& request)
{
    const std::optional<std::string> file =
        request.replacement ? args.option("--new-passphrase-file")
                            : (args.passphraseFile ? std::optional<std::string>(args.passphraseFile->string())
                                                   : std::nullopt);
    if (file) return fromFile(*file);
    if (auto env = fromEnvironment(request.replacement ? "NOTEWARD_NEW_PASSPHRASE" : "NOTEWARD_PASSPHRASE"))
        return std::move(*env);
    auto first = promptOnTerminal(request.prompt);
    if (!first || !request.confirm) return first;
    auto second = promptOnTerminal("Repeat the passphrase: ");
    if (!second) return second;
    if (!first->equals(second->view()))
        return makeError(ErrorCode::InvalidInput, "The two passphrases differ. Nothing was changed.");
    return first;
}

}  // namespace noteward::cli
