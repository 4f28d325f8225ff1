#include "server/incoming_blob.h"

namespace noteward::sync::server {

BufferedIncomingBlob::BufferedIncomingBlob(ServerStore& store, std::size_t expectedSize) : m_store(store)
{
    m_bytes.reserve(expectedSize);
}

core::Result<void> BufferedIncomingBlob::append(core::ByteView piece)
{
    m_bytes.insert(m_bytes.end(), piece.begin(), piece.end());
    return core::Ok{};
}

core::Result<bool> BufferedIncomingBlob::store(const BlobInfo& info) { return m_store.putBlob(info, m_bytes); }

core::Result<std::unique_ptr<IncomingBlob>> ServerStore::receiveBlob(const std::string&, std::size_t expectedSize)
{
    return std::unique_ptr<IncomingBlob>(std::make_unique<BufferedIncomingBlob>(*this, expectedSize));
}

}  // namespace noteward::sync::server
