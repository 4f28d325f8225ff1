#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace noteward::sync::protocol {

// Request bodies are read strictly: an object, only the fields the endpoint knows (an unknown
// field is a client bug or a probe, and is refused rather than ignored), each of its type.
// Every failure is an InvalidInput error whose message names the field, never its value.
core::Result<nlohmann::json> parseObject(std::string_view body, std::initializer_list<std::string_view> allowed);

// "application/json", with or without parameters ("; charset=utf-8"); nothing else.
bool isJsonContentType(std::string_view header);

core::Result<std::string> requiredString(const nlohmann::json& object, const char* field, std::size_t maxBytes);
core::Result<std::int64_t> requiredInteger(const nlohmann::json& object, const char* field, std::int64_t min,
                                           std::int64_t max);

}  // namespace noteward::sync::protocol
