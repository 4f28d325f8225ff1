#include "passphrase_input.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#ifndef _WIN32
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace noteward::cli {

using core::ErrorCode;
using core::makeError;
using core::crypto::SecretBytes;

namespace {
constexpr std::size_t kMaxPassphraseBytes = 1024;

void stripLineEnd(std::string& text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
}

core::Result<SecretBytes> fromFile(const std::filesystem::path& file)
{
#ifndef _WIN32
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        std::cerr << "noteward-cli: warning: " << file.string()
                  << " can be read by other users; make it private with chmod 600\n";
#endif
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "Cannot read the passphrase file " + file.string() + ".");
    std::string line;
    std::getline(in, line);
    stripLineEnd(line);
    if (line.size() > kMaxPassphraseBytes)
        return makeError(ErrorCode::InvalidInput, "The passphrase file holds more than a passphrase.");
    return SecretBytes::takeString(line);
}

#ifndef _WIN32
core::Result<SecretBytes> promptOnTerminal(std::string_view prompt)
{
    std::FILE* tty = std::fopen("/dev/tty", "r+");
    if (tty == nullptr)
        return makeError(ErrorCode::InvalidInput,
                         "No passphrase given: set NOTEWARD_PASSPHRASE, use --passphrase-file FILE, or run in a terminal.");
    const int fd = ::fileno(tty);
    termios saved{};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::fprintf(tty, "%.*s", static_cast<int>(prompt.size()), prompt.data());
    std::fflush(tty);
    std::string line;
    for (int c = std::fgetc(tty); c != EOF && c != '\n'; c = std::fgetc(tty))
        if (line.size() <= kMaxPassphraseBytes) line.push_back(static_cast<char>(c));
    if (isTerminal) ::tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputc('\n', tty);
    std::fclose(tty);
    stripLineEnd(line);
    return SecretBytes::takeString(line);
}
#else
core::Result<SecretBytes> promptOnTerminal(std::string_view)
{
    return makeError(ErrorCode::InvalidInput, "No passphrase given: set NOTEWARD_PASSPHRASE or use --passphrase-file FILE.");
}
#endif
}  // namespace

core::Result<SecretBytes> readPassphrase(const Arguments& args, const PassphraseRequest& request)
{
    const std::optional<std::string> file =
        request.replacement ? args.option("--new-passphrase-file")
                            : (args.passphraseFile ? std::optional<std::string>(args.passphraseFile->string())
                                                   : std::nullopt);
    if (file) return fromFile(*file);
    if (const char* env = std::getenv(request.replacement ? "NOTEWARD_NEW_PASSPHRASE" : "NOTEWARD_PASSPHRASE");
        env && *env) {
        std::string value(env);
        return SecretBytes::takeString(value);
    }
    auto first = promptOnTerminal(request.prompt);
    if (!first || !request.confirm) return first;
    auto second = promptOnTerminal("Repeat the passphrase: ");
    if (!second) return second;
    if (!first->equals(second->view()))
        return makeError(ErrorCode::InvalidInput, "The two passphrases differ. Nothing was changed.");
    return first;
}

}  // namespace noteward::cli
