#pragma once

#include "crypto/secret_bytes.h"
#include "util/bytes.h"

#include <string>

namespace noteward::core::crypto {

// OpenSSL's CSPRNG (seeded from the OS). Throws CryptoFailure if it cannot produce bytes.
Bytes randomBytes(std::size_t count);
SecretBytes randomSecret(std::size_t count);

// A random (version 4) UUID in its lower-case text form, used for every object id.
std::string randomUuid();

}  // namespace noteward::core::crypto
