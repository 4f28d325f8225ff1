#include "crypto/evp_pkey.h"

#include "crypto/openssl_error.h"

#include <openssl/evp.h>

namespace noteward::core::crypto {

EvpPkey EvpPkey::fromRawPrivate(int type, ByteView privateKey)
{
    EVP_PKEY* key = EVP_PKEY_new_raw_private_key(type, nullptr, privateKey.data(), privateKey.size());
    if (key == nullptr) throwOpenSslFailure("EVP_PKEY_new_raw_private_key");
    return EvpPkey(key);
}

EvpPkey EvpPkey::fromRawPublic(int type, ByteView publicKey)
{
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(type, nullptr, publicKey.data(), publicKey.size());
    if (key == nullptr) throwOpenSslFailure("EVP_PKEY_new_raw_public_key");
    return EvpPkey(key);
}

EvpPkey::~EvpPkey() { EVP_PKEY_free(m_key); }

EvpPkey::EvpPkey(EvpPkey&& other) noexcept : m_key(other.m_key) { other.m_key = nullptr; }

void EvpPkey::rawPublic(std::span<std::uint8_t> out) const
{
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_public_key(m_key, out.data(), &length) != 1 || length != out.size())
        throwOpenSslFailure("EVP_PKEY_get_raw_public_key");
}

}  // namespace noteward::core::crypto
