#pragma once

#include "audio/audio_devices.h"
#include "audio/recording_writer.h"
#include "audio/spsc_ring.h"
#include "util/result.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace noteward::core::vault {
class Database;
class Vault;
}

namespace noteward::core::audio {

struct RecorderOptions {
    std::string device;              // empty: the remembered or default input
    double maxSeconds = 0;           // of captured audio (frames at the device rate); 0: no limit
    bool consentConfirmed = false;   // required: nothing is captured without it
};

struct RecorderStatus {
    std::int64_t capturedFrames = 0;  // excluding paused time
    std::int64_t storedFrames = 0;    // committed to the vault, at the codec rate
    int codecRate = 0;
    int sampleRate = 0;
    float peak = 0;                   // of the last block, 0..1
    float rms = 0;
    std::int64_t droppedFrames = 0;   // the writer fell behind (ring full)
    std::int64_t overflows = 0;       // the device reported input overflow
    bool paused = false;
    bool running = false;
};

// Live capture: PortAudio callback → lock-free ring → writer thread → RecordingWriter. The
// callback only copies samples; downmixing, encoding, encryption and storage happen on the
// writer thread, each ~1 s chunk committed on its own connection. Ending: stop(), the
// maximum length, or a fault (device gone, disk full), which keeps everything already
// recorded and says what happened.
class Recorder {
public:
    static Result<std::unique_ptr<Recorder>> start(vault::Vault& vault, const std::string& sessionId,
                                                   const RecorderOptions& options);
    ~Recorder();

    void pause();
    void resume();
    RecorderStatus status() const;
    bool finished() const { return m_writerDone.load(); }
    // Stops capture, writes the last chunk and closes the recording. Returns its id, or the
    // fault that ended it early (the audio up to that point is kept either way).
    Result<std::string> stop();

    const std::string& deviceName() const { return m_deviceName; }

private:
    Recorder() = default;
    static int callback(const void* input, void* output, unsigned long frames, const void* timeInfo,
                        unsigned long flags, void* self);
    void writerLoop();

    PortAudioScope m_portAudio;
    void* m_stream = nullptr;
    std::unique_ptr<vault::Database> m_db;
    std::unique_ptr<RecordingWriter> m_writer;
    std::unique_ptr<SpscRing> m_ring;
    std::thread m_thread;
    std::string m_deviceName;
    int m_channels = 1;
    int m_rate = 0;
    std::int64_t m_maxFrames = 0;

    std::atomic<std::int64_t> m_captured{0};
    std::atomic<std::int64_t> m_stored{0};
    std::atomic<std::int64_t> m_dropped{0};
    std::atomic<std::int64_t> m_overflows{0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_captureDone{false};
    std::atomic<bool> m_writerDone{false};
    std::atomic<bool> m_started{false};
    std::atomic<float> m_peak{0};
    std::atomic<float> m_rms{0};
    mutable std::mutex m_faultMutex;
    std::optional<Error> m_fault;
};

}  // namespace noteward::core::audio
