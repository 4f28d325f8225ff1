#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace noteward::cli {

// A mistake in how the command was typed: printed with a hint and exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Arguments {
    std::optional<std::filesystem::path> vault;
    std::optional<std::filesystem::path> passphraseFile;
    bool json = false;
    bool help = false;
    bool version = false;
    std::vector<std::string> words;              // the command, e.g. {"client", "add"}
    std::map<std::string, std::string> options;  // "--name" → value
    std::set<std::string> flags;                 // "--consent", "--replace"

    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

// Throws UsageError. Passphrases are refused as arguments (they would show in `ps` and in
// shell history); the message says where they come from instead.
Arguments parseArguments(const std::vector<std::string>& argv);

}  // namespace noteward::cli
