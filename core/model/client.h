#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace noteward::core::model {

enum class ClientStatus { Active, Discharged, Archived };

std::string_view toString(ClientStatus status);
std::optional<ClientStatus> clientStatusFromString(std::string_view text);

struct ContactDetails {
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> address;
};

struct Client {
    std::string id;
    std::string name;
    std::optional<std::string> dateOfBirth;  // YYYY-MM-DD
    ContactDetails contact;
    std::optional<std::string> nhsNumber;  // ten digits, no spaces, check digit valid
    ClientStatus status = ClientStatus::Active;
    std::string createdAt;
    std::string updatedAt;
};

}  // namespace noteward::core::model
