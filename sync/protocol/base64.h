#pragma once

#include "util/bytes.h"

#include <optional>
#include <string>
#include <string_view>

namespace noteward::sync::protocol {

// Standard base64 (RFC 4648 section 4, with padding), how envelopes travel inside JSON.
// Decoding refuses anything that is not canonical base64 (wrong length, stray characters).
std::string base64Encode(core::ByteView bytes);
std::optional<core::Bytes> base64Decode(std::string_view text);

}  // namespace noteward::sync::protocol
