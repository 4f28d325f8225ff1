#include "model/client.h"
#include "model/session.h"

#include <array>
#include <utility>

namespace noteward::core::model {

namespace {
template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view text)
{
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& names, E value)
{
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return "unknown";
}

// These strings are stored in the vault: never rename one.
constexpr std::array<std::pair<ClientStatus, std::string_view>, 3> kClientStatus{{
    {ClientStatus::Active, "active"},
    {ClientStatus::Discharged, "discharged"},
    {ClientStatus::Archived, "archived"},
}};

constexpr std::array<std::pair<SessionStatus, std::string_view>, 4> kSessionStatus{{
    {SessionStatus::Scheduled, "scheduled"},
    {SessionStatus::InProgress, "in_progress"},
    {SessionStatus::Completed, "completed"},
    {SessionStatus::Cancelled, "cancelled"},
}};
}  // namespace

std::string_view toString(ClientStatus status) { return nameOf(kClientStatus, status); }
std::optional<ClientStatus> clientStatusFromString(std::string_view text) { return lookup(kClientStatus, text); }
std::string_view toString(SessionStatus status) { return nameOf(kSessionStatus, status); }
std::optional<SessionStatus> sessionStatusFromString(std::string_view text) { return lookup(kSessionStatus, text); }

}  // namespace noteward::core::model
