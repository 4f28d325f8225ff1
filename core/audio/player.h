#pragma once

#include "audio/audio_devices.h"
#include "audio/recording_reader.h"
#include "audio/spsc_ring.h"
#include "util/result.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace noteward::core::vault {
class Database;
class Vault;
}

namespace noteward::core::audio {

struct OutputDevice {
    int index = -1;
    std::string name;
};
// By exact name, else a unique part of it; empty: the system default output.
Result<OutputDevice> findOutputDevice(const std::string& name);

// Plays a session's recording through PortAudio from any position (the UI jumps to a
// transcript segment's timestamp). A decoder thread authenticates and decodes chunk by chunk
// into a ring that the output callback drains; nothing is written to disk. Only the
// therapist who recorded it can play it.
class Player {
public:
    static Result<std::unique_ptr<Player>> start(vault::Vault& vault, const std::string& sessionId, double fromSeconds,
                                                 const std::string& outputDevice = {});
    ~Player();

    bool finished() const { return m_done.load() && m_drained.load(); }
    double positionSeconds() const;
    // Stops playback; reports a damaged recording found while decoding, if any.
    Result<void> stop();

private:
    Player() = default;
    static int callback(const void* input, void* output, unsigned long frames, const void* timeInfo,
                        unsigned long flags, void* self);
    void decodeLoop(std::int64_t fromFrame);

    PortAudioScope m_portAudio;
    void* m_stream = nullptr;
    std::unique_ptr<vault::Database> m_db;
    std::unique_ptr<RecordingReader> m_reader;
    std::unique_ptr<SpscRing> m_ring;
    std::thread m_thread;
    std::atomic<std::int64_t> m_played{0};
    std::int64_t m_startFrame = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_drained{false};
    std::mutex m_faultMutex;
    std::optional<Error> m_fault;
};

}  // namespace noteward::core::audio
