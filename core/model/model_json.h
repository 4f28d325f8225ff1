#pragma once

#include "audit/audit_log.h"
#include "model/client.h"
#include "model/session.h"

#include <nlohmann/json.hpp>

namespace noteward::core::model {

// The JSON shapes the CLI prints and exports carry (snake_case keys, absent fields null).
nlohmann::json toJson(const Client& client);
nlohmann::json toJson(const Session& session);
nlohmann::json toJson(const audit::AuditEntry& entry);

}  // namespace noteward::core::model
