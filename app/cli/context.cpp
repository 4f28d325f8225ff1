#include "context.h"

#include "passphrase_input.h"

#include "vault/file_io.h"

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
    return core::vault::Vault::open(dir, passphrase.value());
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
    if (const char* env = std::getenv("NOTEWARD_API_KEY"); env && *env) return std::optional<std::string>(env);
    return std::optional<std::string>();
}

}  // namespace noteward::cli
