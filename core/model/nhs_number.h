#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace noteward::core::model {

// NHS numbers (England and Wales): ten digits whose last is a modulus-11 check digit.
// Accepts the usual written forms ("943 476 5919", "943-476-5919") and returns the ten digits,
// or nullopt when the input is not a valid NHS number.
std::optional<std::string> normalizeNhsNumber(std::string_view input);

}  // namespace noteward::core::model
