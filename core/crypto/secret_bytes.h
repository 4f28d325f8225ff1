#pragma once

#include "util/bytes.h"

#include <cstddef>
#include <string>

namespace noteward::core::crypto {

// Key material and passphrases. The buffer is allocated once at its final size (so no
// reallocation leaves stray copies), wiped with OPENSSL_cleanse on destruction, move-only so
// copies are explicit, and deliberately has no stream operator or string conversion.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    explicit SecretBytes(ByteView bytes);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    // Takes the text and wipes the caller's string, for passphrases read from input.
    static SecretBytes takeString(std::string& text);

    SecretBytes clone() const { return SecretBytes(view()); }

    std::uint8_t* data() { return m_bytes.data(); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }
    ByteView view() const { return {m_bytes.data(), m_bytes.size()}; }

    // Constant-time comparison.
    bool equals(ByteView other) const;

private:
    void wipe();
    Bytes m_bytes;
};

}  // namespace noteward::core::crypto
