#pragma once

#include "crypto/argon2id.h"
#include "crypto/secret_bytes.h"
#include "util/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace noteward::core::vault {

// The small plaintext header beside the vault database: the Argon2id salt and parameters,
// and the vault's random 256-bit key wrapped (AES-256-GCM) by the key derived from the
// passphrase. Every field is bound into the wrap's associated data, so editing a parameter
// (say, to weaken the KDF) makes unwrapping fail instead of silently using it.
struct KeyFile {
    static constexpr int kFormatVersion = 1;
    static constexpr std::size_t kSaltSize = 16;

    std::string vaultId;
    int cipherCompatibility = 3;  // SQLCipher major version that created the database
    crypto::Argon2Params kdf;
    Bytes salt;
    Bytes wrappedKey;  // nonce || ciphertext || tag

    // Clear errors for foreign, damaged, too-new or too-weak files.
    static Result<KeyFile> parse(ByteView json);
    std::string serialize() const;

    // A new header wrapping `vaultKey` under `passphrase`, with a fresh salt.
    static KeyFile wrap(std::string vaultId, int cipherCompatibility, ByteView passphrase,
                        const crypto::SecretBytes& vaultKey, const crypto::Argon2Params& kdf);

    // nullopt: the passphrase is wrong (or the header was altered).
    std::optional<crypto::SecretBytes> unwrap(ByteView passphrase) const;

private:
    Bytes associatedData() const;
    // SHA-256 over every field: catches accidental damage and naive edits (not a secret).
    std::string checkValue() const;
};

}  // namespace noteward::core::vault
