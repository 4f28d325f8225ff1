#include "crypto/secret_bytes.h"

#include <openssl/crypto.h>

#include <utility>

namespace noteward::core::crypto {

SecretBytes::SecretBytes(std::size_t size) : m_bytes(size, 0) {}

SecretBytes::SecretBytes(ByteView bytes) : m_bytes(bytes.begin(), bytes.end()) {}

SecretBytes::~SecretBytes() { wipe(); }

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecretBytes SecretBytes::takeString(std::string& text)
{
    SecretBytes out(asBytes(text));
    OPENSSL_cleanse(text.data(), text.size());
    text.clear();
    text.shrink_to_fit();
    return out;
}

bool SecretBytes::equals(ByteView other) const
{
    return other.size() == m_bytes.size() &&
           CRYPTO_memcmp(m_bytes.data(), other.data(), m_bytes.size()) == 0;
}

void SecretBytes::wipe()
{
    if (!m_bytes.empty()) OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
}

}  // namespace noteward::core::crypto
