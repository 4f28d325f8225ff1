#pragma once

#include "crypto/secret_bytes.h"

#include <array>
#include <optional>

namespace noteward::core::crypto {

using X25519PublicKey = std::array<std::uint8_t, 32>;

// An X25519 key pair (RFC 7748) for key agreement; the private half stays in SecretBytes.
class X25519KeyPair {
public:
    static X25519KeyPair generate();
    // std::invalid_argument unless 32 bytes.
    static X25519KeyPair fromPrivateKey(ByteView privateKey);

    const X25519PublicKey& publicKey() const { return m_public; }
    const SecretBytes& privateKey() const { return m_private; }

    // The raw shared secret; feed it to a KDF, never use it as a key directly. nullopt when
    // the peer key is a low-order point (the all-zero result RFC 7748 tells us to reject).
    std::optional<SecretBytes> agree(const X25519PublicKey& peer) const;

private:
    X25519KeyPair(SecretBytes privateKey, const X25519PublicKey& publicKey);
    SecretBytes m_private;
    X25519PublicKey m_public{};
};

}  // namespace noteward::core::crypto
