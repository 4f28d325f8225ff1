#include "audio/player.h"

#include "vault/database.h"
#include "vault/vault.h"

#include <portaudio.h>

#include <chrono>
#include <algorithm>
#include <cmath>

namespace noteward::core::audio {

Result<OutputDevice> findOutputDevice(const std::string& name)
{
    std::lock_guard lock(portAudioMutex());
    const int count = Pa_GetDeviceCount();
    std::vector<OutputDevice> matches;
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info || info->maxOutputChannels < 1) continue;
        if (name.empty() ? i == Pa_GetDefaultOutputDevice() : std::string(info->name) == name) return OutputDevice{i, info->name};
        if (!name.empty() && std::string(info->name).find(name) != std::string::npos) matches.push_back({i, info->name});
    }
    if (matches.size() == 1) return matches.front();
    return makeError(ErrorCode::NotFound, name.empty() ? "No audio output device was found."
                                                       : "No single output device matches '" + name + "'.");
}

Result<std::unique_ptr<Player>> Player::start(vault::Vault& vault, const std::string& sessionId, double fromSeconds,
                                              const std::string& outputDevice)
{
    std::lock_guard paLock(portAudioMutex());
    std::unique_ptr<Player> self(new Player());
    if (!self->m_portAudio.ok()) return makeError(ErrorCode::Unavailable, "The audio system could not be started.");
    auto db = vault.openConnection();
    if (!db) return db.error();
    self->m_db = std::move(db.value());
    auto reader = RecordingReader::open(*self->m_db, vault.user().id, sessionId);
    if (!reader) return reader.error();
    self->m_reader = std::move(reader.value());
    const int rate = self->m_reader->sampleRate();
    const auto from = static_cast<std::int64_t>(std::llround(std::max(0.0, fromSeconds) * rate));
    if (from >= self->m_reader->frames())
        return makeError(ErrorCode::InvalidInput, "That position is past the end of the recording.");
    self->m_startFrame = from;
    // Up to 30 s ahead: decoding runs ~1000x faster than real time, so filling it costs
    // milliseconds, and a sink that drains faster than real time still gets every sample.
    const std::int64_t remaining = self->m_reader->frames() - from;
    self->m_ring = std::make_unique<SpscRing>(static_cast<std::size_t>(std::min<std::int64_t>(remaining, 30LL * rate) + rate));

    auto device = findOutputDevice(outputDevice);
    if (!device) return device.error();
    PaStreamParameters out{device->index, 1, paInt16, Pa_GetDeviceInfo(device->index)->defaultLowOutputLatency, nullptr};
    PaStream* stream = nullptr;
    // Primed from the callback, not with silence, so sound begins exactly at the position.
    const PaError rc = Pa_OpenStream(&stream, nullptr, &out, rate, paFramesPerBufferUnspecified,
                                     paClipOff | paPrimeOutputBuffersUsingStreamCallback,
                                     reinterpret_cast<PaStreamCallback*>(&Player::callback), self.get());
    if (rc != paNoError)
        return makeError(ErrorCode::Unavailable, "Could not open " + device->name + ": " + Pa_GetErrorText(rc));
    self->m_stream = stream;
    self->m_thread = std::thread([raw = self.get(), from] { raw->decodeLoop(from); });
    // Sound starts once the ring is full (or everything is decoded): no gap at the start.
    const auto prefill = static_cast<std::size_t>(std::min<std::int64_t>(remaining, 30LL * rate));
    for (int i = 0; i < 2000 && !self->m_done && self->m_ring->size() < prefill; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (Pa_StartStream(stream) != paNoError) {
        (void)self->stop();
        return makeError(ErrorCode::Unavailable, "Could not start playback on " + device->name + ".");
    }
    return self;
}

Player::~Player() { (void)stop(); }

int Player::callback(const void*, void* output, unsigned long frames, const void*, unsigned long, void* user)
{
    auto* self = static_cast<Player*>(user);
    auto* out = static_cast<std::int16_t*>(output);
    float block[256];
    std::size_t written = 0;
    while (written < frames) {
        const std::size_t want = std::min<std::size_t>(256, frames - written);
        const std::size_t got = self->m_ring->pop(block, want);
        for (std::size_t i = 0; i < got; ++i)
            out[written + i] = static_cast<std::int16_t>(std::lround(std::clamp(block[i], -1.0f, 1.0f) * 32767.0f));
        written += got;
        if (got < want) break;
    }
    self->m_played.fetch_add(static_cast<std::int64_t>(written), std::memory_order_relaxed);
    for (std::size_t i = written; i < frames; ++i) out[i] = 0;  // underrun or end: silence
    if (written < frames && self->m_done.load(std::memory_order_acquire)) {
        self->m_drained = true;
        return paComplete;
    }
    return paContinue;
}

void Player::decodeLoop(std::int64_t fromFrame)
{
    auto [chunk, chunkStart] = m_reader->locate(fromFrame);
    std::int64_t skip = fromFrame - chunkStart;
    for (std::size_t i = chunk; i < m_reader->chunkCount() && !m_stop; ++i) {
        auto samples = m_reader->decodeChunk(i);
        if (!samples) {
            std::lock_guard lock(m_faultMutex);
            m_fault = samples.error();
            break;
        }
        const auto& s = samples.value();
        std::size_t at = static_cast<std::size_t>(std::min<std::int64_t>(skip, static_cast<std::int64_t>(s.size())));
        skip = 0;
        while (at < s.size() && !m_stop) {
            at += m_ring->push(s.data() + at, s.size() - at);
            if (at < s.size()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    m_done.store(true, std::memory_order_release);
}

double Player::positionSeconds() const
{
    return static_cast<double>(m_startFrame + m_played.load()) / m_reader->sampleRate();
}

Result<void> Player::stop()
{
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    closeStream(m_stream);
    std::lock_guard lock(m_faultMutex);
    if (m_fault) return *m_fault;
    return Ok{};
}

}  // namespace noteward::core::audio
