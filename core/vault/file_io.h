#pragma once

#include "util/bytes.h"
#include "util/result.h"

#include <cstdio>
#include <filesystem>

namespace noteward::core::vault {

// A file written in full or not at all: bytes go to a new temporary file beside `target`
// (`target`.<random>.tmp, created exclusively with mode 0600 and never through a symlink), and
// commit() flushes them to disk, renames over `target` and flushes the folder, so afterwards
// `target` holds either its old or its new content whatever happens to the process or the
// power. Dropped without commit(), the temporary file is removed.
class DurableFileWriter {
public:
    explicit DurableFileWriter(std::filesystem::path target);
    ~DurableFileWriter();
    DurableFileWriter(const DurableFileWriter&) = delete;
    DurableFileWriter& operator=(const DurableFileWriter&) = delete;

    Result<void> open();
    Result<void> write(ByteView data);
    // Starts writing what was written so far to the disk without waiting for it (Linux), so
    // that commit()'s flush has less left to wait for when the bytes arrive over time.
    Result<void> startWriteback();
    Result<void> commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    std::FILE* m_file = nullptr;
    bool m_committed = false;
};

Result<void> writeFileAtomically(const std::filesystem::path& target, ByteView data);

// Temporary files of writers that were killed before commit or clean-up: `target`.*.tmp.
void removeStaleTemporaries(const std::filesystem::path& target);

// Reads a whole file, refusing files larger than `maxBytes`.
Result<Bytes> readWholeFile(const std::filesystem::path& file, std::uintmax_t maxBytes);

// fsync on a folder, so a rename or a new file inside it survives a power cut.
void syncDirectory(const std::filesystem::path& dir);

// Creates a folder (and parents) readable by its owner only; an existing folder keeps its mode.
Result<void> createPrivateDirectory(const std::filesystem::path& dir);

// Maps errno from a failed write to the Error a person should see.
Error fileWriteError(int errnoValue, const std::filesystem::path& file);

}  // namespace noteward::core::vault
