#include "protocol/strict_json.h"

#include <algorithm>
#include <set>
#include <vector>

namespace noteward::sync::protocol {

using core::ErrorCode;
using core::makeError;

core::Result<nlohmann::json> parseObject(std::string_view body, std::initializer_list<std::string_view> allowed)
{
    // Duplicate names are refused (which one counts differs between parsers: a way to smuggle
    // a field past a check). The callback sees every object's names as they are read.
    std::vector<std::set<std::string>> names;
    bool duplicate = false;
    const nlohmann::json::parser_callback_t watch = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start) names.emplace_back();
        else if (event == E::object_end && !names.empty()) names.pop_back();
        else if (event == E::key && !names.empty() && !names.back().insert(parsed.get<std::string>()).second) duplicate = true;
        return true;
    };
    nlohmann::json json = nlohmann::json::parse(body, watch, false);
    if (json.is_discarded()) return makeError(ErrorCode::InvalidInput, "The request body is not valid JSON.");
    if (duplicate) return makeError(ErrorCode::InvalidInput, "A field appears twice in the request.");
    if (!json.is_object()) return makeError(ErrorCode::InvalidInput, "The request body must be a JSON object.");
    for (const auto& [key, value] : json.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            return makeError(ErrorCode::InvalidInput, "Unknown field in the request: " +
                                                          (key.size() <= 40 ? "'" + key + "'" : std::string("(a long name)")) +
                                                          ".");
    return json;
}

bool isJsonContentType(std::string_view header)
{
    const auto semicolon = header.find(';');
    std::string_view type = header.substr(0, semicolon);
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    if (type.size() != 16) return false;
    std::string lower(type);
    for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower == "application/json";
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
