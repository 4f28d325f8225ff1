#include "server/pipelined_file_writer.h"

#include <system_error>

namespace noteward::sync::server {

namespace {
constexpr std::size_t kMaxQueued = 2;
}  // namespace

PipelinedFileWriter::PipelinedFileWriter(std::filesystem::path target) : m_file(std::move(target)) {}

PipelinedFileWriter::~PipelinedFileWriter() { (void)drain(); }

core::Result<void> PipelinedFileWriter::open()
{
    if (auto opened = m_file.open(); !opened) return opened;
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        return core::makeError(core::ErrorCode::Unavailable, "No thread could be started to write the file.");
    }
    return core::Ok{};
}

core::Result<void> PipelinedFileWriter::write(core::Bytes buffer)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < kMaxQueued || m_failure; });
    if (m_failure) return *m_failure;
    m_queue.push_back(std::move(buffer));
    m_changed.notify_all();
    return core::Ok{};
}

void PipelinedFileWriter::run()
{
    for (;;) {
        core::Bytes buffer;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty()) return;  // closing, and nothing left
            buffer = std::move(m_queue.front());
        }
        auto written = m_file.write(buffer);
        if (written) written = m_file.startWriteback();
        std::lock_guard lock(m_mutex);
        m_queue.pop_front();
        if (!written && !m_failure) m_failure = written.error();
        if (m_failure) m_queue.clear();  // nothing after a failed write is written
        m_changed.notify_all();
    }
}

core::Result<void> PipelinedFileWriter::drain()
{
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable()) m_thread.join();
    std::lock_guard lock(m_mutex);
    if (m_failure) return *m_failure;
    return core::Ok{};
}

core::Result<void> PipelinedFileWriter::commit()
{
    if (auto drained = drain(); !drained) return drained;
    return m_file.commit();
}

}  // namespace noteward::sync::server
