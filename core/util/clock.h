#pragma once

#include <string>
#include <string_view>

namespace noteward::core {

// Current UTC time as ISO 8601 with milliseconds, e.g. 2026-11-22T09:30:00.123Z. Sorts
// lexically in time order, which the vault relies on.
std::string nowUtcIso8601();
// Exactly the form nowUtcIso8601() writes: "YYYY-MM-DDTHH:MM:SS.mmmZ".
bool isIso8601UtcMillis(std::string_view text);

}  // namespace noteward::core
