#include "context.h"

#include "passphrase_input.h"

#include <iostream>

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

}  // namespace noteward::cli
