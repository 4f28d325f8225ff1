#include "vault/settings_repository.h"

#include "vault/database.h"
#include "vault/guarded.h"

namespace noteward::core::vault {

Result<std::optional<std::string>> SettingsRepository::get(const std::string& key)
{
    return guarded([&]() -> Result<std::optional<std::string>> {
        auto st = m_db.prepare("SELECT value FROM settings WHERE key = ?;");
        st.bind(1, key);
        if (!st.step()) return std::optional<std::string>();
        return std::optional<std::string>(st.text(0));
    });
}

Result<void> SettingsRepository::set(const std::string& key, const std::string& value)
{
    if (key.empty()) return makeError(ErrorCode::InvalidInput, "A setting needs a name.");
    return guarded([&]() -> Result<void> {
        // INSERT OR REPLACE: SQLite 3.15 (under SQLCipher 3.4) has no UPSERT.
        m_db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?);").bind(1, key).bind(2, value).run();
        return Ok{};
    });
}

Result<std::map<std::string, std::string>> SettingsRepository::all()
{
    return guarded([&]() -> Result<std::map<std::string, std::string>> {
        auto st = m_db.prepare("SELECT key, value FROM settings ORDER BY key;");
        std::map<std::string, std::string> out;
        while (st.step()) out.emplace(st.text(0), st.text(1));
        return out;
    });
}

}  // namespace noteward::core::vault
