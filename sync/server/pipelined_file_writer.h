#pragma once

#include "util/bytes.h"
#include "util/result.h"
#include "vault/file_io.h"

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace noteward::sync::server {

// A DurableFileWriter whose writes happen on a thread of its own: the caller hands over full
// buffers and goes on (receiving and hashing the next), while this thread copies them into the
// page cache and starts the disk writing them, so that commit()'s flush finds little left.
// On this project's 2-core machine the copy and the start of the write cost the receiving
// thread about as much as the flush it saved. At most two buffers wait (memory stays bounded).
class PipelinedFileWriter {
public:
    explicit PipelinedFileWriter(std::filesystem::path target);
    ~PipelinedFileWriter();
    PipelinedFileWriter(const PipelinedFileWriter&) = delete;
    PipelinedFileWriter& operator=(const PipelinedFileWriter&) = delete;

    core::Result<void> open();
    // Queues `buffer` (waiting while two are queued); a failed earlier write is returned here.
    core::Result<void> write(core::Bytes buffer);
    // Waits for the queued writes, then makes the file durable under its name (see
    // DurableFileWriter::commit).
    core::Result<void> commit();

private:
    void run();
    // Waits for the writing thread to finish what is queued and stops it.
    core::Result<void> drain();

    core::vault::DurableFileWriter m_file;  // the writing thread's alone while it runs
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<core::Bytes> m_queue;
    bool m_closing = false;
    std::optional<core::Error> m_failure;
    std::thread m_thread;
};

}  // namespace noteward::sync::server
