#include "vault/vault_paths.h"

#include <cstdlib>

namespace noteward::core::vault {

namespace fs = std::filesystem;

namespace {
fs::path fromEnv(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value ? fs::path(value) : fs::path();
}
}  // namespace

fs::path defaultVaultDirectory()
{
    if (fs::path explicitDir = fromEnv("NOTEWARD_VAULT"); !explicitDir.empty()) return explicitDir;
#if defined(_WIN32)
    fs::path base = fromEnv("APPDATA");
#elif defined(__APPLE__)
    fs::path base = fromEnv("HOME") / "Library" / "Application Support";
#else
    fs::path base = fromEnv("XDG_DATA_HOME");
    if (base.empty()) base = fromEnv("HOME") / ".local" / "share";
#endif
    return base / "Noteward" / "vault";
}

}  // namespace noteward::core::vault
