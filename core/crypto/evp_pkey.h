#pragma once

#include "util/bytes.h"

struct evp_pkey_st;

namespace noteward::core::crypto {

// Owns an OpenSSL EVP_PKEY built from raw key bytes (X25519, Ed25519). Internal to crypto/.
class EvpPkey {
public:
    static EvpPkey fromRawPrivate(int type, ByteView privateKey);
    static EvpPkey fromRawPublic(int type, ByteView publicKey);
    ~EvpPkey();
    EvpPkey(EvpPkey&& other) noexcept;
    EvpPkey(const EvpPkey&) = delete;
    EvpPkey& operator=(const EvpPkey&) = delete;
    EvpPkey& operator=(EvpPkey&&) = delete;

    evp_pkey_st* get() const { return m_key; }
    void rawPublic(std::span<std::uint8_t> out) const;

private:
    explicit EvpPkey(evp_pkey_st* key) : m_key(key) {}
    evp_pkey_st* m_key;
};

}  // namespace noteward::core::crypto
