#pragma once

#include "crypto/secret_bytes.h"

#include <optional>

struct evp_cipher_ctx_st;

namespace noteward::core::crypto {

inline constexpr std::size_t kAes256KeySize = 32;
inline constexpr std::size_t kGcmNonceSize = 12;
inline constexpr std::size_t kGcmTagSize = 16;

// AES-256-GCM under one key. The key schedule is set up once and reused for every message,
// which matters for the many small messages of a chunked stream. Not thread-safe: use one
// instance per thread. Nonces must never repeat under one key; callers either use a counter
// within one stream or sealWithRandomNonce().
class AesGcm {
public:
    explicit AesGcm(ByteView key);  // throws std::invalid_argument unless 32 bytes
    ~AesGcm();
    AesGcm(const AesGcm&) = delete;
    AesGcm& operator=(const AesGcm&) = delete;

    // Returns ciphertext followed by the 16-byte tag.
    Bytes seal(ByteView nonce, ByteView plaintext, ByteView associatedData);

    // Writes ciphertext || tag into `out` (plaintext.size() + 16 bytes), allocating nothing.
    void sealInto(ByteView nonce, ByteView plaintext, ByteView associatedData,
                  std::span<std::uint8_t> out);

    // nullopt when authentication fails: wrong key, or any change to nonce, ciphertext, tag
    // or associated data.
    std::optional<SecretBytes> open(ByteView nonce, ByteView sealed, ByteView associatedData);

    // nonce || ciphertext || tag with a fresh random nonce; for one-off messages such as a
    // wrapped key.
    Bytes sealWithRandomNonce(ByteView plaintext, ByteView associatedData);
    std::optional<SecretBytes> openWithNonce(ByteView nonceAndSealed, ByteView associatedData);

private:
    evp_cipher_ctx_st* m_encrypt = nullptr;
    evp_cipher_ctx_st* m_decrypt = nullptr;
};

}  // namespace noteward::core::crypto
