#include "audio/recorder.h"

#include "audit/audit_log.h"
#include "vault/database.h"
#include "vault/guarded.h"
#include "vault/vault.h"

#include <portaudio.h>

#include <chrono>
#include <cmath>
#include <vector>

namespace noteward::core::audio {

namespace {
constexpr double kRingSeconds = 10.0;  // room for the writer to stall (slow disk) without loss
constexpr auto kSilenceBeforeDeviceLost = std::chrono::seconds(3);

// Opus rates first (no resampling), then the device's own rate.
int chooseRate(const InputDevice& device, int channels)
{
    for (int rate : {16000, 48000, 24000}) {
        PaStreamParameters p{device.index, channels, paFloat32, 0.05, nullptr};
        if (Pa_IsFormatSupported(&p, nullptr, rate) == paFormatIsSupported) return rate;
    }
    return static_cast<int>(device.defaultSampleRate);
}

void audit(vault::Vault& vault, const std::string& action, const std::string& type, const std::string& id)
{
    vault::Transaction tx(vault.database());
    audit::AuditLog(vault.database()).append(vault.user().id, action, type, id);
    tx.commit();
}
}  // namespace

Result<std::unique_ptr<Recorder>> Recorder::start(vault::Vault& vault, const std::string& sessionId,
                                                  const RecorderOptions& options)
{
    if (!options.consentConfirmed)
        return makeError(ErrorCode::InvalidInput,
                         "Recording needs the client's consent for this session; confirm it before recording.");
    if (vault.isLocked()) return vault::Vault::lockedError();
    auto session = vault.sessions().get(sessionId);
    if (!session) return session.error();

    std::unique_ptr<Recorder> self(new Recorder());
    if (!self->m_portAudio.ok()) return makeError(ErrorCode::Unavailable, "The audio system could not be started.");
    std::string wanted = options.device;
    if (wanted.empty())
        if (auto remembered = vault.settings().get("audio.input_device"); remembered && remembered.value())
            wanted = *remembered.value();
    auto device = findInputDevice(wanted);
    if (!device) return device.error();
    self->m_deviceName = device->name;
    self->m_channels = std::min(device->maxInputChannels, 2);
    self->m_rate = chooseRate(device.value(), self->m_channels);
    self->m_maxFrames = static_cast<std::int64_t>(std::llround(options.maxSeconds * self->m_rate));
    self->m_ring = std::make_unique<SpscRing>(static_cast<std::size_t>(kRingSeconds * self->m_rate * self->m_channels));

    auto db = vault.openConnection();
    if (!db) return db.error();
    self->m_db = std::move(db.value());
    auto consent = vault::guarded([&]() -> Result<void> {
        audit(vault, "recording.consent_confirmed", "session", sessionId);
        return Ok{};
    });
    if (!consent) return consent.error();
    auto writer = RecordingWriter::begin(*self->m_db, {vault.user().id, sessionId, "microphone:" + device->name}, self->m_rate);
    if (!writer) return writer.error();
    self->m_writer = std::move(writer.value());
    (void)vault.settings().set("audio.input_device", device->name);

    PaStreamParameters input{device->index, self->m_channels, paFloat32,
                             Pa_GetDeviceInfo(device->index)->defaultLowInputLatency, nullptr};
    PaStream* stream = nullptr;
    PaError rc = Pa_OpenStream(&stream, &input, nullptr, self->m_rate, paFramesPerBufferUnspecified, paClipOff,
                               reinterpret_cast<PaStreamCallback*>(&Recorder::callback), self.get());
    if (rc != paNoError)
        return makeError(ErrorCode::Unavailable, "Could not open " + device->name + ": " + Pa_GetErrorText(rc));
    self->m_stream = stream;
    self->m_thread = std::thread([raw = self.get()] { raw->writerLoop(); });
    rc = Pa_StartStream(stream);
    if (rc != paNoError) {
        self->m_captureDone = true;
        (void)self->stop();
        return makeError(ErrorCode::Unavailable, "Could not start " + device->name + ": " + Pa_GetErrorText(rc));
    }
    self->m_started = true;
    (void)vault::guarded([&]() -> Result<void> {
        audit(vault, "recording.started", "recording", self->m_writer->recordingId());
        return Ok{};
    });
    return self;
}

Recorder::~Recorder()
{
    if (!m_writerDone || m_stream) (void)stop();
}

int Recorder::callback(const void* input, void*, unsigned long frames, const void*, unsigned long flags, void* user)
{
    // Real-time thread: no allocation, no locks, no I/O. Copy what fits, count the rest.
    auto* self = static_cast<Recorder*>(user);
    if (flags & paInputOverflow) self->m_overflows.fetch_add(1, std::memory_order_relaxed);
    if (self->m_stopRequested.load(std::memory_order_relaxed)) return paComplete;
    if (self->m_paused.load(std::memory_order_relaxed) || input == nullptr) return paContinue;
    std::int64_t take = static_cast<std::int64_t>(frames);
    const std::int64_t captured = self->m_captured.load(std::memory_order_relaxed);
    if (self->m_maxFrames > 0) take = std::min(take, self->m_maxFrames - captured);
    if (take > 0) {
        const auto samples = static_cast<std::size_t>(take) * static_cast<std::size_t>(self->m_channels);
        const std::size_t pushed = self->m_ring->push(static_cast<const float*>(input), samples);
        if (pushed < samples)
            self->m_dropped.fetch_add(static_cast<std::int64_t>((samples - pushed) / static_cast<std::size_t>(self->m_channels)),
                                      std::memory_order_relaxed);
        self->m_captured.store(captured + take, std::memory_order_relaxed);
    }
    if (self->m_maxFrames > 0 && captured + take >= self->m_maxFrames) return paComplete;
    return paContinue;
}

void Recorder::writerLoop()
{
    std::vector<float> block(4096 * static_cast<std::size_t>(m_channels));
    std::vector<float> mono(4096);
    auto lastData = std::chrono::steady_clock::now();
    auto fail = [&](Error error) {
        std::lock_guard lock(m_faultMutex);
        if (!m_fault) m_fault = std::move(error);
        m_stopRequested = true;
    };
    // Moves whatever the ring holds into the writer; false on a storage fault.
    auto drain = [&]() {
        for (std::size_t got; (got = m_ring->pop(block.data(), block.size())) > 0;) {
            lastData = std::chrono::steady_clock::now();
            const std::size_t frames = got / static_cast<std::size_t>(m_channels);
            float peak = 0;
            double energy = 0;
            for (std::size_t f = 0; f < frames; ++f) {
                float sum = 0;
                for (std::size_t c = 0; c < static_cast<std::size_t>(m_channels); ++c)
                    sum += block[f * static_cast<std::size_t>(m_channels) + c];
                const float v = sum / static_cast<float>(m_channels);
                mono[f] = v;
                peak = std::max(peak, std::fabs(v));
                energy += static_cast<double>(v) * v;
            }
            m_peak = peak;
            m_rms = static_cast<float>(std::sqrt(energy / static_cast<double>(std::max<std::size_t>(frames, 1))));
            m_writer->setDroppedFrames(m_dropped.load());
            if (auto r = m_writer->write(mono.data(), frames); !r) {
                fail(r.error());
                return false;
            }
        }
        return true;
    };
    bool healthy = true;
    while (healthy) {
        healthy = drain();
        const bool ended = m_captureDone || m_stopRequested || (m_started && Pa_IsStreamActive(m_stream) != 1);
        if (ended) {
            healthy = healthy && drain();  // the callback may have pushed its last block meanwhile
            break;
        }
        if (m_started && !m_paused && std::chrono::steady_clock::now() - lastData > kSilenceBeforeDeviceLost) {
            fail(makeError(ErrorCode::Unavailable,
                           "The input device stopped delivering audio (was it unplugged?). Everything recorded "
                           "until then is kept."));
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    m_writer->setDroppedFrames(m_dropped.load());
    if (auto r = m_writer->finish(); !r) {
        std::lock_guard lock(m_faultMutex);
        if (!m_fault) m_fault = r.error();
    }
    m_writerDone = true;
}

void Recorder::pause() { m_paused = true; }
void Recorder::resume() { m_paused = false; }

RecorderStatus Recorder::status() const
{
    return {m_captured.load(), m_rate, m_peak.load(), m_rms.load(), m_dropped.load(), m_overflows.load(),
            m_paused.load(), !m_writerDone.load()};
}

Result<std::string> Recorder::stop()
{
    m_stopRequested = true;
    m_captureDone = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_stream) {
        Pa_StopStream(m_stream);
        Pa_CloseStream(m_stream);
        m_stream = nullptr;
    }
    std::lock_guard lock(m_faultMutex);
    if (m_fault) return *m_fault;
    return m_writer->recordingId();
}

}  // namespace noteward::core::audio
