#pragma once

#include "util/bytes.h"

#include <array>
#include <cstdint>
#include <memory>

struct evp_md_ctx_st;

namespace noteward::core::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(ByteView data);

// Incremental hashing, for content assembled from several fields without concatenating them.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    Sha256& update(ByteView data);
    Sha256Digest finish();

private:
    evp_md_ctx_st* m_ctx;
};

}  // namespace noteward::core::crypto
