#include "audio/recorder.h"

#include "vault/database.h"
#include "vault/vault.h"

#include <portaudio.h>

#include <chrono>
#include <cmath>
#include <vector>

namespace noteward::core::audio {

namespace {
// Room for the writer to stall (slow disk) without loss. A short recording of known length
// gets a ring for all of it, so a source faster than real time (a file device) loses nothing.
constexpr double kRingSeconds = 10.0;
constexpr double kWholeRecordingRingUpTo = 15 * 60.0;
constexpr auto kSilenceBeforeDeviceLost = std::chrono::seconds(3);

// The device's own rate first: converting in the audio stack (e.g. ALSA's plug) is an
// unknown we cannot test everywhere, while libsamplerate in the writer is a known one and is
// used only when that rate is not one Opus takes. Then the Opus rates.
int chooseRate(const InputDevice& device, int channels)
{
    const int native = static_cast<int>(device.defaultSampleRate);
    for (int rate : {native, 48000, 16000, 24000}) {
        PaStreamParameters p{device.index, channels, paInt16, 0.05, nullptr};
        if (rate > 0 && Pa_IsFormatSupported(&p, nullptr, rate) == paFormatIsSupported) return rate;
    }
    return native;
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

    std::lock_guard paLock(portAudioMutex());
    std::unique_ptr<Recorder> self(new Recorder());
    if (!self->m_portAudio.ok()) return makeError(ErrorCode::Unavailable, "The audio system could not be started.");
    std::string wanted = options.device;
    if (wanted.empty())
        if (auto remembered = vault.settings().get("audio.input_device"); remembered && remembered.value())
            wanted = *remembered.value();
    auto device = findInputDevice(wanted);
    if (!device) return device.error();
    self->m_deviceName = device->name;
    // 16-bit mono where the device offers it: what every input supports natively, so no
    // conversion layer sits between the microphone and the recording.
    PaStreamParameters mono{device->index, 1, paInt16, 0.05, nullptr};
    self->m_channels = Pa_IsFormatSupported(&mono, nullptr, device->defaultSampleRate) == paFormatIsSupported
                           ? 1
                           : std::min(device->maxInputChannels, 2);
    self->m_rate = chooseRate(device.value(), self->m_channels);
    self->m_maxFrames = static_cast<std::int64_t>(std::llround(options.maxSeconds * self->m_rate));
    const double ringSeconds = options.maxSeconds > 0 && options.maxSeconds <= kWholeRecordingRingUpTo
                                   ? std::max(kRingSeconds, options.maxSeconds + 1)
                                   : kRingSeconds;
    self->m_ring = std::make_unique<SpscRing>(static_cast<std::size_t>(ringSeconds * self->m_rate * self->m_channels));

    auto db = vault.openConnection();
    if (!db) return db.error();
    self->m_db = std::move(db.value());
    if (auto consent = vault.recordAudit("recording.consent_confirmed", "session", sessionId); !consent)
        return consent.error();
    auto writer = RecordingWriter::begin(*self->m_db, {vault.user().id, sessionId, "microphone:" + device->name}, self->m_rate);
    if (!writer) return writer.error();
    self->m_writer = std::move(writer.value());
    (void)vault.settings().set("audio.input_device", device->name);

    PaStreamParameters input{device->index, self->m_channels, paInt16,
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
    (void)vault.recordAudit("recording.started", "recording", self->m_writer->recordingId());
    return self;
}

Recorder::~Recorder()
{
    if (m_thread.joinable() || m_stream) (void)stop();
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
        const auto* in = static_cast<const std::int16_t*>(input);
        std::size_t pushed = 0;
        float converted[256];  // on the stack: the callback never allocates
        for (std::size_t at = 0; at < samples; at += 256) {
            const std::size_t n = std::min<std::size_t>(256, samples - at);
            for (std::size_t i = 0; i < n; ++i) converted[i] = static_cast<float>(in[at + i]) / 32768.0f;
            pushed += self->m_ring->push(converted, n);
        }
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
            m_stored = m_writer->frames();
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
    m_stored = m_writer->frames();
    m_writerDone = true;
}

void Recorder::pause() { m_paused = true; }
void Recorder::resume() { m_paused = false; }

RecorderStatus Recorder::status() const
{
    return {m_captured.load(), m_stored.load(), m_writer ? m_writer->codecRate() : 0, m_rate, m_peak.load(), m_rms.load(),
            m_dropped.load(), m_overflows.load(), m_paused.load(), !m_writerDone.load()};
}

Result<std::string> Recorder::stop()
{
    m_stopRequested = true;
    m_captureDone = true;
    if (m_thread.joinable()) m_thread.join();
    closeStream(m_stream);
    std::lock_guard lock(m_faultMutex);
    if (m_fault) return *m_fault;
    if (!m_writer) return makeError(ErrorCode::Internal, "The recording never started.");
    return m_writer->recordingId();
}

}  // namespace noteward::core::audio
