#include "crypto/sha256.h"

#include "crypto/openssl_error.h"

#include <openssl/evp.h>

namespace noteward::core::crypto {

Sha256Digest sha256(ByteView data)
{
    return Sha256().update(data).finish();
}

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new())
{
    if (m_ctx == nullptr || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx);
        throwOpenSslFailure("EVP_DigestInit_ex(SHA-256)");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

Sha256& Sha256::update(ByteView data)
{
    if (EVP_DigestUpdate(m_ctx, data.data(), data.size()) != 1)
        throwOpenSslFailure("EVP_DigestUpdate");
    return *this;
}

Sha256Digest Sha256::finish()
{
    Sha256Digest digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_ctx, digest.data(), &length) != 1 || length != digest.size())
        throwOpenSslFailure("EVP_DigestFinal_ex");
    return digest;
}

}  // namespace noteward::core::crypto
