#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace noteward::core::model {

enum class SessionStatus { Scheduled, InProgress, Completed, Cancelled };

std::string_view toString(SessionStatus status);
std::optional<SessionStatus> sessionStatusFromString(std::string_view text);

// One therapy session with a client. Recording, transcript and note hang off its id.
struct Session {
    std::string id;
    std::string clientId;
    std::string startedAt;  // ISO 8601 UTC
    std::int64_t durationSeconds = 0;
    SessionStatus status = SessionStatus::Scheduled;
    std::string createdAt;
    std::string updatedAt;
};

}  // namespace noteward::core::model
