#include "model/client.h"
#include "model/session.h"

#include "util/enum_table.h"

namespace noteward::core::model {

namespace {
// These strings are stored in the vault: never rename one.
constexpr EnumTable<ClientStatus, 3> kClientStatus{{
    {ClientStatus::Active, "active"},
    {ClientStatus::Discharged, "discharged"},
    {ClientStatus::Archived, "archived"},
}};

constexpr EnumTable<SessionStatus, 4> kSessionStatus{{
    {SessionStatus::Scheduled, "scheduled"},
    {SessionStatus::InProgress, "in_progress"},
    {SessionStatus::Completed, "completed"},
    {SessionStatus::Cancelled, "cancelled"},
}};
}  // namespace

std::string_view toString(ClientStatus status) { return nameOfEnum(kClientStatus, status); }
std::optional<ClientStatus> clientStatusFromString(std::string_view text) { return enumFromName(kClientStatus, text); }
std::string_view toString(SessionStatus status) { return nameOfEnum(kSessionStatus, status); }
std::optional<SessionStatus> sessionStatusFromString(std::string_view text) { return enumFromName(kSessionStatus, text); }

}  // namespace noteward::core::model
