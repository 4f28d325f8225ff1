#include "crypto/random.h"

#include "crypto/openssl_error.h"
#include "util/hex.h"

#include <openssl/rand.h>

namespace noteward::core::crypto {

namespace {
void fill(std::uint8_t* data, std::size_t count)
{
    if (count == 0) return;
    if (RAND_bytes(data, static_cast<int>(count)) != 1) throwOpenSslFailure("RAND_bytes");
}
}  // namespace

Bytes randomBytes(std::size_t count)
{
    Bytes out(count);
    fill(out.data(), count);
    return out;
}

SecretBytes randomSecret(std::size_t count)
{
    SecretBytes out(count);
    fill(out.data(), count);
    return out;
}

std::string randomUuid()
{
    Bytes b = randomBytes(16);
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    const std::string hex = toHex(b);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
           hex.substr(16, 4) + '-' + hex.substr(20);
}

}  // namespace noteward::core::crypto
