#include "crypto/ed25519.h"

#include "crypto/evp_pkey.h"
#include "crypto/openssl_error.h"
#include "crypto/random.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace noteward::core::crypto {

namespace {
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
}  // namespace

Ed25519KeyPair::Ed25519KeyPair(SecretBytes seed, const Ed25519PublicKey& publicKey)
    : m_seed(std::move(seed)), m_public(publicKey)
{
}

Ed25519KeyPair Ed25519KeyPair::generate()
{
    return fromSeed(randomSecret(32).view());
}

Ed25519KeyPair Ed25519KeyPair::fromSeed(ByteView seed)
{
    if (seed.size() != 32) throw std::invalid_argument("Ed25519 seed must be 32 bytes");
    const EvpPkey key = EvpPkey::fromRawPrivate(EVP_PKEY_ED25519, seed);
    Ed25519PublicKey pub{};
    key.rawPublic(pub);
    return Ed25519KeyPair(SecretBytes(seed), pub);
}

Ed25519Signature Ed25519KeyPair::sign(ByteView message) const
{
    const EvpPkey key = EvpPkey::fromRawPrivate(EVP_PKEY_ED25519, m_seed.view());
    MdCtx ctx(EVP_MD_CTX_new());
    Ed25519Signature signature{};
    std::size_t length = signature.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), signature.data(), &length, message.data(), message.size()) != 1 ||
        length != signature.size()) {
        throwOpenSslFailure("Ed25519 sign");
    }
    return signature;
}

bool ed25519Verify(const Ed25519PublicKey& publicKey, ByteView message, ByteView signature)
{
    if (signature.size() != 64) return false;
    const EvpPkey key = EvpPkey::fromRawPublic(EVP_PKEY_ED25519, publicKey);
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        throwOpenSslFailure("Ed25519 verify init");
    return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                            message.size()) == 1;
}

}  // namespace noteward::core::crypto
