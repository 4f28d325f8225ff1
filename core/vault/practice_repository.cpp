#include "vault/practice_repository.h"

#include "audit/audit_log.h"
#include "model/validation.h"
#include "vault/database.h"
#include "vault/guarded.h"

namespace noteward::core::vault {

namespace {
Result<std::string> checkedName(const std::string& name, const char* what)
{
    if (auto ok = model::checkText(name, what, 200); !ok) return ok.error();
    if (name.empty() || name.size() > 200)
        return makeError(ErrorCode::InvalidInput, std::string("The ") + what + " must be 1 to 200 characters long.");
    return name;
}
}  // namespace

Result<Profile> PracticeRepository::load()
{
    return guarded([&]() -> Result<Profile> {
        auto st = m_db.prepare(
            "SELECT p.id, p.name, u.id, u.display_name, u.email, u.role "
            "FROM local_user u JOIN practice p ON p.id = u.practice_id LIMIT 1;");
        if (!st.step()) return makeError(ErrorCode::Corrupt, "The vault has no therapist account in it.");
        return Profile{{st.text(0), st.text(1)}, {st.text(2), st.text(3), st.optionalText(4), st.text(5)}};
    });
}

Result<model::Practice> PracticeRepository::renamePractice(const std::string& name)
{
    auto valid = checkedName(name, "practice name");
    if (!valid) return valid.error();
    return guarded([&]() -> Result<model::Practice> {
        Transaction tx(m_db);
        auto profile = load();
        if (!profile) return profile.error();
        m_db.prepare("UPDATE practice SET name = ? WHERE id = ?;").bind(1, name).bind(2, profile->practice.id).run();
        audit::AuditLog(m_db).append(m_actor, audit::action::kPracticeUpdated, "practice", profile->practice.id);
        tx.commit();
        return model::Practice{profile->practice.id, name};
    });
}

Result<model::LocalUser> PracticeRepository::updateUser(const std::string& displayName,
                                                        const std::optional<std::string>& email)
{
    auto valid = checkedName(displayName, "therapist's name");
    if (!valid) return valid.error();
    return guarded([&]() -> Result<model::LocalUser> {
        Transaction tx(m_db);
        auto profile = load();
        if (!profile) return profile.error();
        m_db.prepare("UPDATE local_user SET display_name = ?, email = ? WHERE id = ?;")
            .bind(1, displayName)
            .bind(2, email)
            .bind(3, profile->user.id)
            .run();
        audit::AuditLog(m_db).append(m_actor, audit::action::kUserUpdated, "user", profile->user.id);
        tx.commit();
        model::LocalUser user = profile->user;
        user.displayName = displayName;
        user.email = email;
        return user;
    });
}

}  // namespace noteward::core::vault
