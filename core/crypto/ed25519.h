#pragma once

#include "crypto/secret_bytes.h"

#include <array>

namespace noteward::core::crypto {

using Ed25519PublicKey = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

// An Ed25519 signing key (RFC 8032), kept as its 32-byte seed.
class Ed25519KeyPair {
public:
    static Ed25519KeyPair generate();
    // std::invalid_argument unless 32 bytes.
    static Ed25519KeyPair fromSeed(ByteView seed);

    const Ed25519PublicKey& publicKey() const { return m_public; }
    const SecretBytes& seed() const { return m_seed; }

    Ed25519Signature sign(ByteView message) const;

private:
    Ed25519KeyPair(SecretBytes seed, const Ed25519PublicKey& publicKey);
    SecretBytes m_seed;
    Ed25519PublicKey m_public{};
};

bool ed25519Verify(const Ed25519PublicKey& publicKey, ByteView message, ByteView signature);

}  // namespace noteward::core::crypto
