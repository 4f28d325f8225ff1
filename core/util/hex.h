#pragma once

#include "util/bytes.h"

#include <optional>
#include <string>
#include <string_view>

namespace noteward::core {

std::string toHex(ByteView bytes);
// nullopt for odd length or a non-hex character; accepts upper and lower case.
std::optional<Bytes> fromHex(std::string_view hex);

}  // namespace noteward::core
