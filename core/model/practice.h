#pragma once

#include <optional>
#include <string>

namespace noteward::core::model {

struct Practice {
    std::string id;
    std::string name;
};

// The therapist who owns this device's vault.
struct LocalUser {
    std::string id;
    std::string displayName;
    std::optional<std::string> email;
    std::string role = "therapist";
};

}  // namespace noteward::core::model
