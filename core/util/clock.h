#pragma once

#include <string>

namespace noteward::core {

// Current UTC time as ISO 8601 with milliseconds, e.g. 2026-11-22T09:30:00.123Z. Sorts
// lexically in time order, which the vault relies on.
std::string nowUtcIso8601();

}  // namespace noteward::core
