#pragma once

#include "crypto/secret_bytes.h"

#include <cstdint>

namespace noteward::core::crypto {

struct Argon2Params {
    std::uint32_t memoryKiB = 64 * 1024;
    std::uint32_t iterations = 3;
    std::uint32_t parallelism = 4;

    // The design's floor (64 MiB, t=3, p=4). Anything that stores or accepts a passphrase
    // hash refuses parameters below it, whatever a file or a server says.
    static constexpr Argon2Params designMinimum() { return {}; }
    bool atLeast(const Argon2Params& floor) const
    {
        return memoryKiB >= floor.memoryKiB && iterations >= floor.iterations &&
               parallelism >= floor.parallelism;
    }
};

// Argon2id, version 0x13 (RFC 9106), through libargon2. `secret` and `associatedData` are the
// optional K and X inputs. Throws CryptoFailure on an internal failure (e.g. out of memory).
SecretBytes argon2id(ByteView password, ByteView salt, const Argon2Params& params,
                     std::size_t outputLength, ByteView secret = {}, ByteView associatedData = {});

}  // namespace noteward::core::crypto
