#include "model/model_json.h"

namespace noteward::core::model {

namespace {
nlohmann::json orNull(const std::optional<std::string>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json toJson(const Client& c)
{
    return {{"id", c.id},
            {"name", c.name},
            {"date_of_birth", orNull(c.dateOfBirth)},
            {"nhs_number", orNull(c.nhsNumber)},
            {"email", orNull(c.contact.email)},
            {"phone", orNull(c.contact.phone)},
            {"address", orNull(c.contact.address)},
            {"status", toString(c.status)},
            {"created_at", c.createdAt},
            {"updated_at", c.updatedAt}};
}

nlohmann::json toJson(const Session& s)
{
    return {{"id", s.id},
            {"client_id", s.clientId},
            {"started_at", s.startedAt},
            {"duration_seconds", s.durationSeconds},
            {"status", toString(s.status)},
            {"created_at", s.createdAt},
            {"updated_at", s.updatedAt}};
}

nlohmann::json toJson(const audit::AuditEntry& e)
{
    return {{"seq", e.seq},
            {"time", e.time},
            {"actor", e.actor},
            {"action", e.action},
            {"object_type", e.objectType},
            {"object_id", e.objectId},
            {"prev_hash", e.prevHash},
            {"hash", e.hash}};
}

}  // namespace noteward::core::model
