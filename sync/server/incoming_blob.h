#pragma once

#include "server/server_store.h"
#include "util/bytes.h"
#include "util/result.h"

#include <cstddef>

namespace noteward::sync::server {

// A chunk arriving in pieces, as an upload is read off its connection: each piece is kept as
// it comes (so storing overlaps receiving), and nothing is listed until store(). Dropped
// before store(), it leaves nothing behind.
class IncomingBlob {
public:
    virtual ~IncomingBlob() = default;
    virtual core::Result<void> append(core::ByteView piece) = 0;
    // Lists the chunk, with the outcomes of ServerStore::putBlob. Called once, after the
    // caller has checked the pieces against the chunk's hash.
    virtual core::Result<bool> store(const BlobInfo& info) = 0;
};

// The pieces kept in memory and handed to putBlob whole: for stores that keep a chunk as one
// value (PostgreSQL's bytea).
class BufferedIncomingBlob : public IncomingBlob {
public:
    // `expectedSize` only reserves room; callers bound it by the largest body they accept.
    BufferedIncomingBlob(ServerStore& store, std::size_t expectedSize);
    core::Result<void> append(core::ByteView piece) override;
    core::Result<bool> store(const BlobInfo& info) override;

private:
    ServerStore& m_store;
    core::Bytes m_bytes;
};

}  // namespace noteward::sync::server
