#include "vault/voice_profile_repository.h"

#include "util/clock.h"
#include "vault/database.h"
#include "vault/guarded.h"

namespace noteward::core::vault {

Result<std::optional<std::string>> VoiceProfileRepository::get(const std::string& userId)
{
    return guarded([&]() -> Result<std::optional<std::string>> {
        auto st = m_db.prepare("SELECT profile FROM voice_profiles WHERE user_id = ?;");
        st.bind(1, userId);
        if (!st.step()) return std::optional<std::string>();
        return std::optional<std::string>(st.text(0));
    });
}

Result<void> VoiceProfileRepository::set(const std::string& userId, const std::string& profileJson)
{
    return guarded([&]() -> Result<void> {
        // INSERT OR REPLACE: SQLite 3.15 (under SQLCipher 3.4) has no UPSERT.
        m_db.prepare("INSERT OR REPLACE INTO voice_profiles (user_id, profile, created_at) VALUES (?, ?, ?);")
            .bind(1, userId)
            .bind(2, profileJson)
            .bind(3, nowUtcIso8601())
            .run();
        return Ok{};
    });
}

Result<bool> VoiceProfileRepository::remove(const std::string& userId)
{
    return guarded([&]() -> Result<bool> {
        m_db.prepare("DELETE FROM voice_profiles WHERE user_id = ?;").bind(1, userId).run();
        return m_db.changes() > 0;
    });
}

}  // namespace noteward::core::vault
