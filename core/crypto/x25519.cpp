#include "crypto/x25519.h"

#include "crypto/evp_pkey.h"
#include "crypto/openssl_error.h"
#include "crypto/random.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace noteward::core::crypto {

X25519KeyPair::X25519KeyPair(SecretBytes privateKey, const X25519PublicKey& publicKey)
    : m_private(std::move(privateKey)), m_public(publicKey)
{
}

X25519KeyPair X25519KeyPair::generate()
{
    return fromPrivateKey(randomSecret(32).view());
}

X25519KeyPair X25519KeyPair::fromPrivateKey(ByteView privateKey)
{
    if (privateKey.size() != 32) throw std::invalid_argument("X25519 private key must be 32 bytes");
    const EvpPkey key = EvpPkey::fromRawPrivate(EVP_PKEY_X25519, privateKey);
    X25519PublicKey pub{};
    key.rawPublic(pub);
    return X25519KeyPair(SecretBytes(privateKey), pub);
}

std::optional<SecretBytes> X25519KeyPair::agree(const X25519PublicKey& peer) const
{
    const EvpPkey self = EvpPkey::fromRawPrivate(EVP_PKEY_X25519, m_private.view());
    const EvpPkey other = EvpPkey::fromRawPublic(EVP_PKEY_X25519, peer);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(self.get(), nullptr);
    if (ctx == nullptr) throwOpenSslFailure("EVP_PKEY_CTX_new(X25519)");
    SecretBytes shared(32);
    std::size_t length = shared.size();
    const bool ok = EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, other.get()) == 1 &&
                    EVP_PKEY_derive(ctx, shared.data(), &length) == 1 && length == 32;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) return std::nullopt;  // OpenSSL refuses an all-zero shared secret here
    return shared;
}

}  // namespace noteward::core::crypto
