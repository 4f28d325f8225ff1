#include "context.h"

#include "passphrase_input.h"

#include "vault/file_io.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>

#include <sys/resource.h>

namespace noteward::cli {

std::string Context::required(const std::string& option) const
{
    auto value = m_args.option(option);
    if (!value || value->empty()) throw UsageError("missing " + option);
    return *value;
}

std::int64_t Context::number(const std::string& option, std::int64_t fallback, std::int64_t min, std::int64_t max) const
{
    const auto text = m_args.option(option);
    if (!text) return fallback;
    std::int64_t value = 0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (text->empty() || ec != std::errc() || ptr != end || value < min || value > max)
        throw UsageError(option + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

core::Result<std::optional<nlohmann::json>> Context::jsonFromFile(const std::vector<std::string>& allowed) const
{
    const auto file = m_args.option("--from-file");
    if (!file) return std::optional<nlohmann::json>();
    constexpr std::size_t kMaxBytes = 64 * 1024;
    std::string text;
    if (*file == "-") {
        char buffer[4096];
        while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
            text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > kMaxBytes) break;
        }
    } else {
        auto bytes = core::vault::readWholeFile(*file, kMaxBytes);
        if (!bytes) return bytes.error();
        text.assign(core::asText(bytes.value()));
    }
    if (text.size() > kMaxBytes)
        return core::makeError(core::ErrorCode::InvalidInput, "The details given with --from-file are too large.");
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return core::makeError(core::ErrorCode::InvalidInput,
                               "--from-file needs a JSON object, e.g. {\"name\": \"...\"}; this is not one.");
    for (const auto& [key, value] : doc.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            return core::makeError(core::ErrorCode::InvalidInput, "--from-file: unknown field \"" + key + "\".");
        if (!value.is_string() && !value.is_null())
            return core::makeError(core::ErrorCode::InvalidInput, "--from-file: \"" + key + "\" must be text.");
    }
    return std::optional<nlohmann::json>(doc);
}

std::filesystem::path Context::vaultDirectory() const
{
    return m_args.vault ? *m_args.vault : core::vault::defaultVaultDirectory();
}

core::Result<std::unique_ptr<core::vault::Vault>> Context::openVault()
{
    const auto dir = vaultDirectory();
    if (!core::vault::Vault::existsAt(dir))
        return core::makeError(core::ErrorCode::NotAVault, "There is no Noteward vault at " + dir.string() +
                                                               ". Create one with 'noteward-cli init'.");
    auto passphrase = readPassphrase(m_args, {.prompt = "Vault passphrase: "});
    if (!passphrase) return passphrase.error();
    auto vault = core::vault::Vault::open(dir, passphrase.value());
    if (vault)
        for (const auto& warning : vault.value()->warnings()) info("noteward-cli: warning: " + warning);
    return vault;
}

int Context::fail(const core::Error& error)
{
    m_err << "noteward-cli: error: " << error.message << '\n';
    if (json()) printJson({{"error", error.message}});
    return kExitUserError;
}

void Context::info(const std::string& message) { m_err << message << '\n'; }

void Context::printJson(const nlohmann::json& value) { m_out << value.dump(2) << '\n'; }

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

core::Result<std::optional<std::string>> apiKeyFromInput(const Context& ctx)
{
    if (auto file = ctx.args().option("--api-key-file")) {
        auto bytes = core::vault::readWholeFile(*file, 4096);
        if (!bytes) return bytes.error();
        std::string key(core::asText(bytes.value()));
        while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ')) key.pop_back();
        return std::optional<std::string>(std::move(key));
    }
    if (const char* env = std::getenv("NOTEWARD_API_KEY"); env && *env) {
        std::string key(env);
        // Not inherited by anything this process starts.
        ::unsetenv("NOTEWARD_API_KEY");
        return std::optional<std::string>(std::move(key));
    }
    return std::optional<std::string>();
}

}  // namespace noteward::cli
