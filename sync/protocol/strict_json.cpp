#include "protocol/strict_json.h"

#include <algorithm>

namespace noteward::sync::protocol {

using core::ErrorCode;
using core::makeError;

core::Result<nlohmann::json> parseObject(std::string_view body, std::initializer_list<std::string_view> allowed)
{
    nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) return makeError(ErrorCode::InvalidInput, "The request body is not valid JSON.");
    if (!json.is_object()) return makeError(ErrorCode::InvalidInput, "The request body must be a JSON object.");
    for (const auto& [key, value] : json.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            return makeError(ErrorCode::InvalidInput, "Unknown field in the request: " +
                                                          (key.size() <= 40 ? "'" + key + "'" : std::string("(a long name)")) +
                                                          ".");
    return json;
}

core::Result<std::string> requiredString(const nlohmann::json& object, const char* field, std::size_t maxBytes)
{
    const auto it = object.find(field);
    if (it == object.end()) return makeError(ErrorCode::InvalidInput, std::string("Missing field '") + field + "'.");
    if (!it->is_string()) return makeError(ErrorCode::InvalidInput, std::string("Field '") + field + "' must be a string.");
    const auto& text = it->get_ref<const std::string&>();
    if (text.empty() || text.size() > maxBytes)
        return makeError(ErrorCode::InvalidInput, std::string("Field '") + field + "' must be 1-" +
                                                      std::to_string(maxBytes) + " bytes.");
    return text;
}

core::Result<std::int64_t> requiredInteger(const nlohmann::json& object, const char* field, std::int64_t min,
                                           std::int64_t max)
{
    const auto it = object.find(field);
    if (it == object.end()) return makeError(ErrorCode::InvalidInput, std::string("Missing field '") + field + "'.");
    if (!it->is_number_integer())
        return makeError(ErrorCode::InvalidInput, std::string("Field '") + field + "' must be an integer.");
    const auto value = it->get<std::int64_t>();
    if (value < min || value > max)
        return makeError(ErrorCode::InvalidInput, std::string("Field '") + field + "' is out of range.");
    return value;
}

}  // namespace noteward::sync::protocol
