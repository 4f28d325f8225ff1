#include "crypto/aes_gcm.h"

#include "crypto/openssl_error.h"
#include "crypto/random.h"

#include <openssl/evp.h>

#include <limits>
#include <stdexcept>

namespace noteward::core::crypto {

namespace {
int checkedInt(std::size_t n)
{
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw std::invalid_argument("AES-GCM message too large");
    return static_cast<int>(n);
}

evp_cipher_ctx_st* newContext(ByteView key, bool encrypt)
{
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    if (ctx == nullptr) throwOpenSslFailure("EVP_CIPHER_CTX_new");
    if (EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key.data(), nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kGcmNonceSize), nullptr) != 1) {
        EVP_CIPHER_CTX_free(ctx);
        throwOpenSslFailure("EVP_CipherInit_ex(AES-256-GCM)");
    }
    return ctx;
}

void requireNonce(ByteView nonce)
{
    if (nonce.size() != kGcmNonceSize) throw std::invalid_argument("AES-GCM nonce must be 12 bytes");
}
}  // namespace

AesGcm::AesGcm(ByteView key)
{
    if (key.size() != kAes256KeySize) throw std::invalid_argument("AES-256 key must be 32 bytes");
    m_encrypt = newContext(key, true);
    try {
        m_decrypt = newContext(key, false);
    } catch (...) {
        EVP_CIPHER_CTX_free(m_encrypt);
        throw;
    }
}

AesGcm::~AesGcm()
{
    EVP_CIPHER_CTX_free(m_encrypt);
    EVP_CIPHER_CTX_free(m_decrypt);
}

Bytes AesGcm::seal(ByteView nonce, ByteView plaintext, ByteView associatedData)
{
    Bytes out(plaintext.size() + kGcmTagSize);
    sealInto(nonce, plaintext, associatedData, out);
    return out;
}

void AesGcm::sealInto(ByteView nonce, ByteView plaintext, ByteView associatedData,
                      std::span<std::uint8_t> out)
{
    requireNonce(nonce);
    if (out.size() != plaintext.size() + kGcmTagSize)
        throw std::invalid_argument("AES-GCM output buffer has the wrong size");
    int written = 0;
    int final = 0;
    if (EVP_EncryptInit_ex(m_encrypt, nullptr, nullptr, nullptr, nonce.data()) != 1 ||
        (!associatedData.empty() &&
         EVP_EncryptUpdate(m_encrypt, nullptr, &written, associatedData.data(),
                           checkedInt(associatedData.size())) != 1) ||
        EVP_EncryptUpdate(m_encrypt, out.data(), &written, plaintext.data(),
                          checkedInt(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(m_encrypt, out.data() + written, &final) != 1 ||
        EVP_CIPHER_CTX_ctrl(m_encrypt, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kGcmTagSize),
                            out.data() + plaintext.size()) != 1) {
        throwOpenSslFailure("AES-256-GCM encrypt");
    }
}

std::optional<SecretBytes> AesGcm::open(ByteView nonce, ByteView sealed, ByteView associatedData)
{
    requireNonce(nonce);
    if (sealed.size() < kGcmTagSize) return std::nullopt;
    const std::size_t textSize = sealed.size() - kGcmTagSize;
    SecretBytes plaintext(textSize);
    // OpenSSL wants a non-const tag pointer although it only reads it.
    Bytes tag(sealed.begin() + static_cast<std::ptrdiff_t>(textSize), sealed.end());
    int written = 0;
    int final = 0;
    if (EVP_DecryptInit_ex(m_decrypt, nullptr, nullptr, nullptr, nonce.data()) != 1 ||
        (!associatedData.empty() &&
         EVP_DecryptUpdate(m_decrypt, nullptr, &written, associatedData.data(),
                           checkedInt(associatedData.size())) != 1) ||
        EVP_DecryptUpdate(m_decrypt, plaintext.data(), &written, sealed.data(),
                          checkedInt(textSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(m_decrypt, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kGcmTagSize),
                            tag.data()) != 1) {
        throwOpenSslFailure("AES-256-GCM decrypt");
    }
    if (EVP_DecryptFinal_ex(m_decrypt, plaintext.data() + written, &final) != 1) return std::nullopt;
    return plaintext;
}

Bytes AesGcm::sealWithRandomNonce(ByteView plaintext, ByteView associatedData)
{
    const Bytes nonce = randomBytes(kGcmNonceSize);
    return concat(nonce, seal(nonce, plaintext, associatedData));
}

std::optional<SecretBytes> AesGcm::openWithNonce(ByteView nonceAndSealed, ByteView associatedData)
{
    if (nonceAndSealed.size() < kGcmNonceSize + kGcmTagSize) return std::nullopt;
    return open(nonceAndSealed.first(kGcmNonceSize), nonceAndSealed.subspan(kGcmNonceSize),
                associatedData);
}

}  // namespace noteward::core::crypto
