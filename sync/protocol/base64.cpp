#include "protocol/base64.h"

#include <openssl/evp.h>

namespace noteward::sync::protocol {

std::string base64Encode(core::ByteView bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<core::Bytes> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0) return std::nullopt;
    if (text.empty()) return core::Bytes{};
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        const bool padding = c == '=' && i + 2 >= text.size() && (i + 1 == text.size() || text[i + 1] == '=');
        if (!alphabet && !padding) return std::nullopt;
    }
    core::Bytes out(text.size() / 4 * 3);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    // EVP_DecodeBlock counts padding as zero bytes: take them off.
    std::size_t size = static_cast<std::size_t>(n);
    if (text.back() == '=') --size;
    if (text.size() >= 2 && text[text.size() - 2] == '=') --size;
    out.resize(size);
    // Unused bits in the last character must be zero: one text per byte string.
    if (base64Encode(out) != text) return std::nullopt;
    return out;
}

}  // namespace noteward::sync::protocol
