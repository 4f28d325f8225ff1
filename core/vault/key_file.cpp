#include "vault/key_file.h"

#include "crypto/aes_gcm.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"

#include <nlohmann/json.hpp>

namespace noteward::core::vault {

namespace {
constexpr std::string_view kFormat = "noteward-vault-key";
constexpr std::size_t kWrappedKeySize = crypto::kGcmNonceSize + crypto::kAes256KeySize + crypto::kGcmTagSize;
// What this product writes (64 MiB, t=3, p=4) with headroom for a stronger future default;
// anything beyond is an altered file that would cost minutes and gigabytes to try.
constexpr crypto::Argon2Params kMostKdf{1024u * 1024, 16, 16};

Error damaged(const std::string& detail)
{
    return makeError(ErrorCode::Corrupt, "The vault's key file is damaged (" + detail +
                                             "). Restore the vault from a backup.");
}

crypto::SecretBytes wrappingKey(ByteView passphrase, const KeyFile& header)
{
    return crypto::argon2id(passphrase, header.salt, header.kdf, crypto::kAes256KeySize);
}
}  // namespace

Bytes KeyFile::associatedData() const
{
    const std::string text = std::string(kFormat) + '|' + std::to_string(kFormatVersion) + '|' + vaultId + '|' +
                             std::to_string(cipherCompatibility) + "|argon2id|19|" + std::to_string(kdf.memoryKiB) +
                             '|' + std::to_string(kdf.iterations) + '|' + std::to_string(kdf.parallelism) + '|' +
                             toHex(salt);
    const ByteView view = asBytes(text);
    return Bytes(view.begin(), view.end());
}

std::string KeyFile::checkValue() const
{
    crypto::Sha256 digest;
    digest.update(associatedData()).update(wrappedKey);
    return toHex(digest.finish());
}

std::string KeyFile::serialize() const
{
    const nlohmann::json doc = {
        {"format", kFormat},
        {"version", kFormatVersion},
        {"vault_id", vaultId},
        {"sqlcipher_compatibility", cipherCompatibility},
        {"kdf",
         {{"algorithm", "argon2id"},
          {"argon2_version", 19},
          {"memory_kib", kdf.memoryKiB},
          {"iterations", kdf.iterations},
          {"parallelism", kdf.parallelism},
          {"salt", toHex(salt)}}},
        {"wrapped_key", {{"algorithm", "aes-256-gcm"}, {"nonce_ciphertext_tag", toHex(wrappedKey)}}},
        {"check", checkValue()},
    };
    return doc.dump(2) + "\n";
}

Result<KeyFile> KeyFile::parse(ByteView json)
{
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return makeError(ErrorCode::NotAVault, "This folder's vault.key is not a Noteward key file.");
    if (doc.value("format", std::string()) != kFormat)
        return makeError(ErrorCode::NotAVault, "This folder's vault.key is not a Noteward key file.");
    try {
        const int version = doc.at("version").get<int>();
        if (version > kFormatVersion)
            return makeError(ErrorCode::FromTheFuture,
                             "This vault was made by a newer version of Noteward. Update Noteward to open it.");
        KeyFile header;
        header.vaultId = doc.at("vault_id").get<std::string>();
        header.cipherCompatibility = doc.at("sqlcipher_compatibility").get<int>();
        const auto& kdf = doc.at("kdf");
        if (kdf.at("algorithm").get<std::string>() != "argon2id" || kdf.at("argon2_version").get<int>() != 19)
            return damaged("unknown key derivation");
        header.kdf = {kdf.at("memory_kib").get<std::uint32_t>(), kdf.at("iterations").get<std::uint32_t>(),
                      kdf.at("parallelism").get<std::uint32_t>()};
        auto salt = fromHex(kdf.at("salt").get<std::string>());
        auto wrapped = fromHex(doc.at("wrapped_key").at("nonce_ciphertext_tag").get<std::string>());
        if (!salt || salt->size() != kSaltSize) return damaged("bad salt");
        if (!wrapped || wrapped->size() != kWrappedKeySize) return damaged("bad wrapped key");
        if (!header.kdf.atLeast(crypto::Argon2Params::designMinimum()))
            return makeError(ErrorCode::Corrupt,
                             "The vault's key file asks for weaker key derivation than Noteward allows; "
                             "refusing to use it.");
        if (header.kdf.memoryKiB > kMostKdf.memoryKiB || header.kdf.iterations > kMostKdf.iterations ||
            header.kdf.parallelism > kMostKdf.parallelism)
            return damaged("key derivation parameters out of range");
        header.salt = std::move(*salt);
        header.wrappedKey = std::move(*wrapped);
        // The check value tells an altered or damaged header from a wrong passphrase (which
        // the authenticated wrap alone cannot). Files written before it existed have none.
        if (const auto check = doc.find("check"); check != doc.end()) {
            if (!check->is_string() || check->get<std::string>() != header.checkValue())
                return damaged("its contents do not match their check value: the file was altered or damaged");
        }
        return header;
    } catch (const nlohmann::json::exception&) {
        return damaged("missing or mistyped field");
    }
}

KeyFile KeyFile::wrap(std::string vaultId, int cipherCompatibility, ByteView passphrase,
                      const crypto::SecretBytes& vaultKey, const crypto::Argon2Params& kdf)
{
    KeyFile header;
    header.vaultId = std::move(vaultId);
    header.cipherCompatibility = cipherCompatibility;
    header.kdf = kdf;
    header.salt = crypto::randomBytes(kSaltSize);
    const crypto::SecretBytes kek = wrappingKey(passphrase, header);
    header.wrappedKey = crypto::AesGcm(kek.view()).sealWithRandomNonce(vaultKey.view(), header.associatedData());
    return header;
}

std::optional<crypto::SecretBytes> KeyFile::unwrap(ByteView passphrase) const
{
    const crypto::SecretBytes kek = wrappingKey(passphrase, *this);
    return crypto::AesGcm(kek.view()).openWithNonce(wrappedKey, associatedData());
}

}  // namespace noteward::core::vault
