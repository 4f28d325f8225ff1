#include "crypto/argon2id.h"

#include "crypto/openssl_error.h"

#include <argon2.h>

#include <string>

namespace noteward::core::crypto {

namespace {
// libargon2 takes non-const pointers for inputs it only reads.
std::uint8_t* mutableData(ByteView bytes)
{
    return const_cast<std::uint8_t*>(bytes.data());
}

std::uint32_t size32(std::size_t n)
{
    return static_cast<std::uint32_t>(n);
}
}  // namespace

SecretBytes argon2id(ByteView password, ByteView salt, const Argon2Params& params,
                     std::size_t outputLength, ByteView secret, ByteView associatedData)
{
    SecretBytes out(outputLength);
    argon2_context ctx{};
    ctx.out = out.data();
    ctx.outlen = size32(out.size());
    ctx.pwd = mutableData(password);
    ctx.pwdlen = size32(password.size());
    ctx.salt = mutableData(salt);
    ctx.saltlen = size32(salt.size());
    ctx.secret = mutableData(secret);
    ctx.secretlen = size32(secret.size());
    ctx.ad = mutableData(associatedData);
    ctx.adlen = size32(associatedData.size());
    ctx.t_cost = params.iterations;
    ctx.m_cost = params.memoryKiB;
    ctx.lanes = params.parallelism;
    ctx.threads = params.parallelism;
    ctx.version = ARGON2_VERSION_13;
    ctx.flags = ARGON2_DEFAULT_FLAGS;
    const int rc = argon2id_ctx(&ctx);
    if (rc != ARGON2_OK) throw CryptoFailure(std::string("argon2id failed: ") + argon2_error_message(rc));
    return out;
}

}  // namespace noteward::core::crypto
