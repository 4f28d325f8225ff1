#include "model/validation.h"

#include "model/nhs_number.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace noteward::core::model {

namespace {
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxFieldLength = 500;

std::string trimmed(std::string_view text)
{
    auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    const auto begin = std::find_if(text.begin(), text.end(), notSpace);
    const auto end = std::find_if(text.rbegin(), text.rend(), notSpace).base();
    return begin < end ? std::string(begin, end) : std::string();
}

bool hasControlCharacters(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

Error notUtf8(std::string_view what)
{
    return makeError(ErrorCode::InvalidInput, "The " + std::string(what) +
                                                  " is not valid UTF-8 text (was it saved in another encoding?). "
                                                  "Nothing was changed.");
}

int number(std::string_view text)
{
    int value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value;
}

Result<std::optional<std::string>> optionalField(const std::optional<std::string>& value,
                                                 std::string_view label)
{
    if (!value) return std::optional<std::string>();
    if (!isValidUtf8(*value)) return notUtf8(label);
    std::string text = trimmed(*value);
    if (text.empty()) return std::optional<std::string>();
    if (text.size() > kMaxFieldLength || hasControlCharacters(text))
        return makeError(ErrorCode::InvalidInput, std::string("The ") + std::string(label) +
                                                      " is too long or contains control characters.");
    return std::optional<std::string>(std::move(text));
}
}  // namespace

Result<void> checkText(std::string_view text, std::string_view what, std::size_t maxBytes, bool multiline)
{
    if (!isValidUtf8(text)) return notUtf8(what);
    if (text.size() > maxBytes)
        return makeError(ErrorCode::InvalidInput, "The " + std::string(what) + " is too long (at most " +
                                                      std::to_string(maxBytes) + " bytes).");
    const bool controls = std::any_of(text.begin(), text.end(), [multiline](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (multiline && (c == '\n' || c == '\t' || c == '\r')) return false;
        return u < 0x20 || u == 0x7f;
    });
    if (controls)
        return makeError(ErrorCode::InvalidInput, "The " + std::string(what) + " contains control characters.");
    return Ok{};
}

bool isIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    const int year = number(text.substr(0, 4));
    const int month = number(text.substr(5, 2));
    const int day = number(text.substr(8, 2));
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= maxDay;
}

Result<Client> validateClient(Client client, std::string_view today)
{
    if (!isValidUtf8(client.name)) return notUtf8("client's name");
    client.name = trimmed(client.name);
    if (client.name.empty())
        return makeError(ErrorCode::InvalidInput, "The client's name is required.");
    if (client.name.size() > kMaxNameLength || hasControlCharacters(client.name))
        return makeError(ErrorCode::InvalidInput,
                         "The client's name must be at most 200 characters, without control characters.");

    if (client.dateOfBirth) {
        const std::string& dob = *client.dateOfBirth;
        if (!isIsoDate(dob))
            return makeError(ErrorCode::InvalidInput,
                             "The date of birth must be a real date written YYYY-MM-DD.");
        if (dob < "1900-01-01" || dob > today)
            return makeError(ErrorCode::InvalidInput,
                             "The date of birth must be after 1900 and not in the future.");
    }

    if (client.nhsNumber) {
        auto normal = normalizeNhsNumber(*client.nhsNumber);
        if (!normal)
            return makeError(ErrorCode::InvalidInput,
                             "That is not a valid NHS number: it needs ten digits and a correct check digit.");
        client.nhsNumber = *normal;
    }

    auto email = optionalField(client.contact.email, "e-mail address");
    if (!email) return email.error();
    if (*email && (*email)->find('@') == std::string::npos)
        return makeError(ErrorCode::InvalidInput, "The e-mail address must contain '@'.");
    auto phone = optionalField(client.contact.phone, "phone number");
    if (!phone) return phone.error();
    auto address = optionalField(client.contact.address, "address");
    if (!address) return address.error();
    client.contact = {std::move(*email), std::move(*phone), std::move(*address)};
    return client;
}

Result<Session> validateSession(Session session)
{
    if (session.clientId.empty())
        return makeError(ErrorCode::InvalidInput, "A session needs a client.");
    if (session.durationSeconds < 0 || session.durationSeconds > 24 * 3600)
        return makeError(ErrorCode::InvalidInput, "A session's duration must be between 0 and 24 hours.");
    if (session.startedAt.size() < 10 || !isIsoDate(std::string_view(session.startedAt).substr(0, 10)))
        return makeError(ErrorCode::InvalidInput, "A session's start must be an ISO 8601 date and time.");
    return session;
}

}  // namespace noteward::core::model
