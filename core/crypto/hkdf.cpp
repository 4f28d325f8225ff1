#include "crypto/hkdf.h"

#include "crypto/openssl_error.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace noteward::core::crypto {

namespace {
struct KdfDeleter {
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

// OSSL_PARAM wants mutable pointers even for inputs it only reads.
void* mutableData(ByteView bytes)
{
    return const_cast<std::uint8_t*>(bytes.data());
}
}  // namespace

SecretBytes hkdfSha256(ByteView inputKey, ByteView salt, ByteView info, std::size_t length)
{
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf) throwOpenSslFailure("EVP_KDF_fetch(HKDF)");
    std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) throwOpenSslFailure("EVP_KDF_CTX_new");

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutableData(inputKey), inputKey.size());
    // OpenSSL refuses a zero-length salt or info parameter; leaving them out gives RFC 5869's
    // defaults (a salt of HashLen zeros, empty info), which is what an empty one means.
    if (!salt.empty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableData(salt), salt.size());
    if (!info.empty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mutableData(info), info.size());
    params[n] = OSSL_PARAM_construct_end();
    SecretBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        throwOpenSslFailure("EVP_KDF_derive(HKDF)");
    return out;
}

}  // namespace noteward::core::crypto
