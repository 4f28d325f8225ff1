#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace noteward::core {

// Two-way lookup over a fixed table of (enum value, stored name) pairs: the one place that
// turns the project's enums into the strings kept in the vault and in JSON.
template <typename E, std::size_t N>
using EnumTable = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::optional<E> enumFromName(const EnumTable<E, N>& table, std::string_view name)
{
    for (const auto& [value, text] : table)
        if (text == name) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOfEnum(const EnumTable<E, N>& table, E value)
{
    for (const auto& [v, text] : table)
        if (v == value) return text;
    return "unknown";
}

}  // namespace noteward::core
