#pragma once

#include "util/bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace noteward::sync::server {

// One-time passwords for the second factor: HOTP (RFC 4226) over HMAC, and TOTP (RFC 6238)
// as HOTP of the 30-second step since the Unix epoch. `digest` is "SHA1" (what authenticator
// apps use), "SHA256" or "SHA512".
std::uint32_t hotp(core::ByteView key, std::uint64_t counter, int digits, const char* digest = "SHA1");
std::uint64_t totpStep(std::int64_t unixSeconds, int stepSeconds = 30);
std::string totpCode(core::ByteView key, std::int64_t unixSeconds, int digits = 6, const char* digest = "SHA1");

// Which step a code belongs to, within one step either side of now (clock drift), or nothing.
// The caller refuses a step at or before the last one accepted, so each code works once.
std::optional<std::uint64_t> matchingTotpStep(core::ByteView key, std::string_view code, std::int64_t unixSeconds);

// Base32 (RFC 4648, no padding), the form authenticator apps take secrets in.
std::string base32Encode(core::ByteView bytes);
std::optional<core::Bytes> base32Decode(std::string_view text);

// otpauth://totp/Noteward:<email>?secret=…&issuer=Noteward, for a QR code.
std::string totpUri(std::string_view email, std::string_view base32Secret);

}  // namespace noteward::sync::server
