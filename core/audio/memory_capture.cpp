#include "audio/memory_capture.h"

#include "audio/audio_devices.h"

#include <portaudio.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace noteward::core::audio {

Result<CapturedAudio> captureToMemory(const std::string& deviceName, double seconds,
                                      const std::function<void(double, float)>& progress, const std::atomic<bool>* cancel)
{
    if (!(seconds > 0) || seconds > 600) return makeError(ErrorCode::InvalidInput, "Capture length must be 1-600 seconds.");
    PaStream* stream = nullptr;
    CapturedAudio out;
    int channels = 1;
    std::unique_lock lock(portAudioMutex());  // PortAudio's globals: held while starting up
    PortAudioScope scope;
    {
        if (!scope.ok()) return makeError(ErrorCode::Unavailable, "The audio system could not be started.");
        auto device = findInputDevice(deviceName);
        if (!device) return device.error();
        out.deviceName = device->name;
        PaStreamParameters mono{device->index, 1, paInt16, 0.05, nullptr};
        const int rate = static_cast<int>(device->defaultSampleRate);
        channels = Pa_IsFormatSupported(&mono, nullptr, rate) == paFormatIsSupported ? 1 : std::min(device->maxInputChannels, 2);
        PaStreamParameters input{device->index, channels, paInt16, Pa_GetDeviceInfo(device->index)->defaultLowInputLatency,
                                 nullptr};
        // Blocking reads (no callback): a few seconds of audio for one purpose, read in order.
        const PaError rc = Pa_OpenStream(&stream, &input, nullptr, rate, 1024, paClipOff, nullptr, nullptr);
        if (rc != paNoError) return makeError(ErrorCode::Unavailable, "Could not open " + device->name + ": " + Pa_GetErrorText(rc));
        if (const PaError started = Pa_StartStream(stream); started != paNoError) {
            void* handle = stream;
            closeStream(handle);
            return makeError(ErrorCode::Unavailable, "Could not start " + device->name + ": " + Pa_GetErrorText(started));
        }
        out.sampleRate = rate;
    }
    lock.unlock();
    const auto total = static_cast<std::size_t>(std::llround(seconds * out.sampleRate));
    out.mono.reserve(total);
    std::vector<std::int16_t> block(1024 * static_cast<std::size_t>(channels));
    Error fault{};
    bool failed = false;
    while (out.mono.size() < total) {
        if (cancel && cancel->load()) {
            fault = makeError(ErrorCode::Cancelled, "The capture was cancelled; nothing was kept.");
            failed = true;
            break;
        }
        const auto frames = std::min<std::size_t>(1024, total - out.mono.size());
        const PaError rc = Pa_ReadStream(stream, block.data(), static_cast<unsigned long>(frames));
        if (rc != paNoError && rc != paInputOverflowed) {
            fault = makeError(ErrorCode::Unavailable, std::string("The microphone stopped delivering audio: ") + Pa_GetErrorText(rc));
            failed = true;
            break;
        }
        float peak = 0;
        for (std::size_t i = 0; i < frames; ++i) {
            float sum = 0;
            for (int c = 0; c < channels; ++c) sum += static_cast<float>(block[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)]) / 32768.0f;
            const float v = sum / static_cast<float>(channels);
            peak = std::max(peak, std::fabs(v));
            out.mono.push_back(v);
        }
        if (progress) progress(static_cast<double>(out.mono.size()) / static_cast<double>(total), peak);
    }
    void* handle = stream;
    closeStream(handle);
    if (failed) {
        std::fill(out.mono.begin(), out.mono.end(), 0.0f);
        return fault;
    }
    return out;
}

}  // namespace noteward::core::audio
