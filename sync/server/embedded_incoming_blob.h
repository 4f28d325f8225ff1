#pragma once

#include "server/incoming_blob.h"
#include "server/pipelined_file_writer.h"

#include <cstdint>
#include <filesystem>

namespace noteward::sync::server {

class EmbeddedStore;

// A chunk of the embedded store streamed to a temporary file beside its final name while it
// arrives, written by a thread of its own with the disk writing behind; store() makes the file durable under the
// chunk's name and then lists it, so a listed chunk always has its bytes. A chunk listed
// meanwhile is not written again.
class EmbeddedIncomingBlob : public IncomingBlob {
public:
    EmbeddedIncomingBlob(EmbeddedStore& store, std::filesystem::path file);
    core::Result<void> open();
    core::Result<void> append(core::ByteView piece) override;
    core::Result<bool> store(const BlobInfo& info) override;

private:
    EmbeddedStore& m_store;
    std::filesystem::path m_file;
    PipelinedFileWriter m_writer;
    core::Result<void> writeGathered();

    core::Bytes m_gathered;  // pieces not yet written
    std::uint64_t m_written = 0;
};

}  // namespace noteward::sync::server
