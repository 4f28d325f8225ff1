#include "server/totp.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace noteward::sync::server {

namespace {
constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::uint32_t power10(int digits)
{
    std::uint32_t p = 1;
    for (int i = 0; i < digits; ++i) p *= 10;
    return p;
}
}  // namespace

std::uint32_t hotp(core::ByteView key, std::uint64_t counter, int digits, const char* digest)
{
    std::array<unsigned char, 8> message{};
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t macLength = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, digest, nullptr, key.data(), key.size(), message.data(), message.size(),
                   mac.data(), mac.size(), &macLength) ||
        macLength < 20)
        throw std::runtime_error("HMAC failed");
    // Dynamic truncation (RFC 4226 section 5.3).
    const std::size_t offset = mac[macLength - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    return binary % power10(digits);
}

std::uint64_t totpStep(std::int64_t unixSeconds, int stepSeconds)
{
    return unixSeconds < 0 ? 0 : static_cast<std::uint64_t>(unixSeconds) / static_cast<std::uint64_t>(stepSeconds);
}

std::string totpCode(core::ByteView key, std::int64_t unixSeconds, int digits, const char* digest)
{
    std::string code = std::to_string(hotp(key, totpStep(unixSeconds), digits, digest));
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::optional<std::uint64_t> matchingTotpStep(core::ByteView key, std::string_view code, std::int64_t unixSeconds)
{
    if (code.size() != 6) return std::nullopt;
    for (const char c : code)
        if (c < '0' || c > '9') return std::nullopt;
    const std::uint64_t now = totpStep(unixSeconds);
    std::optional<std::uint64_t> found;
    // All three are computed and compared in constant time, so timing tells nothing.
    for (const std::uint64_t step : {now > 0 ? now - 1 : now, now, now + 1}) {
        std::string expected = std::to_string(hotp(key, step, 6));
        expected.insert(0, 6 - expected.size(), '0');
        if (CRYPTO_memcmp(expected.data(), code.data(), 6) == 0) found = step;
    }
    return found;
}

std::string base32Encode(core::ByteView bytes)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const std::uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<core::Bytes> base32Decode(std::string_view text)
{
    core::Bytes out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const char* at = std::char_traits<char>::find(kBase32, 32, c);
        if (!at) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(at - kBase32);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::string totpUri(std::string_view email, std::string_view base32Secret)
{
    std::string label;
    for (const char c : email) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '.' || c == '-' || c == '_') label.push_back(c);
        else {
            static constexpr char hex[] = "0123456789ABCDEF";
            label += '%';
            label += hex[u >> 4];
            label += hex[u & 15];
        }
    }
    return "otpauth://totp/Noteward:" + label + "?secret=" + std::string(base32Secret) + "&issuer=Noteward";
}

}  // namespace noteward::sync::server
