#pragma once

#include "crypto/secret_bytes.h"

#include <string_view>

namespace noteward::core::crypto {

// HKDF-SHA256 (RFC 5869), extract-then-expand. `length` is at most 255 * 32 bytes.
SecretBytes hkdfSha256(ByteView inputKey, ByteView salt, ByteView info, std::size_t length);

}  // namespace noteward::core::crypto
