#pragma once

#include "util/result.h"

#include <filesystem>
#include <string>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::audio {

struct RecordingSummary {
    std::string recordingId;
    int sampleRate = 0;
    std::int64_t frames = 0;
    std::string status;
    std::int64_t droppedFrames = 0;
    double seconds() const { return sampleRate ? static_cast<double>(frames) / sampleRate : 0.0; }
};

// Recordings of a vault's sessions, apart from live capture (see Recorder).
class Recordings {
public:
    explicit Recordings(vault::Vault& vault) : m_vault(vault) {}

    // An existing recording (WAV at any common rate and depth, mono or stereo) stored as if
    // recorded now: Opus, encrypted, chunked.
    Result<RecordingSummary> importWav(const std::string& sessionId, const std::filesystem::path& wav);
    // The therapist who recorded it gets a 16-bit mono WAV, decoded chunk by chunk.
    Result<RecordingSummary> exportWav(const std::string& sessionId, const std::filesystem::path& out);
    Result<RecordingSummary> latest(const std::string& sessionId);

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::audio
