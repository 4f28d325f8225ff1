#include "audio/audio_devices.h"

#include <portaudio.h>

#if defined(__linux__)
#include <alsa/asoundlib.h>
#include <jack/jack.h>
#endif

namespace noteward::core::audio {

namespace {
#if defined(__linux__)
// ALSA reports every PCM it cannot open while PortAudio enumerates devices (dozens of lines on a
// machine without a sound card); none of it is actionable for a therapist, so it is dropped.
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}
// Likewise JACK, which PortAudio probes and which is rarely running on a therapist's laptop.
void quietJack(const char*) {}
#endif
}  // namespace

std::recursive_mutex& portAudioMutex()
{
    static std::recursive_mutex mutex;
    return mutex;
}

PortAudioScope::PortAudioScope()
{
    std::lock_guard lock(portAudioMutex());
#if defined(__linux__)
    snd_lib_error_set_handler(&quietAlsa);
    jack_set_error_function(&quietJack);
    jack_set_info_function(&quietJack);
#endif
    m_ok = Pa_Initialize() == paNoError;
}

PortAudioScope::~PortAudioScope()
{
    std::lock_guard lock(portAudioMutex());
    if (m_ok) Pa_Terminate();
}

void closeStream(void*& stream)
{
    if (!stream) return;
    std::lock_guard lock(portAudioMutex());
    Pa_StopStream(stream);
    Pa_CloseStream(stream);
    stream = nullptr;
}

std::vector<InputDevice> listInputDevices()
{
    std::lock_guard lock(portAudioMutex());
    std::vector<InputDevice> out;
    const int count = Pa_GetDeviceCount();
    const int fallback = Pa_GetDefaultInputDevice();
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info || info->maxInputChannels < 1) continue;
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        out.push_back({i, info->name, api ? api->name : "", info->maxInputChannels, info->defaultSampleRate, i == fallback});
    }
    return out;
}

Result<InputDevice> findInputDevice(const std::string& name)
{
    const auto devices = listInputDevices();
    if (devices.empty()) return makeError(ErrorCode::NotFound, "No audio input device was found. Is a microphone connected?");
    if (name.empty()) {
        for (const auto& d : devices)
            if (d.isDefault) return d;
        return devices.front();
    }
    for (const auto& d : devices)
        if (d.name == name) return d;
    std::vector<InputDevice> partial;
    for (const auto& d : devices)
        if (d.name.find(name) != std::string::npos) partial.push_back(d);
    if (partial.size() == 1) return partial.front();
    if (partial.size() > 1)
        return makeError(ErrorCode::InvalidInput, "More than one input device matches '" + name + "'; give its full name.");
    return makeError(ErrorCode::NotFound, "No input device called '" + name + "'. 'noteward-cli devices' lists them.");
}

}  // namespace noteward::core::audio
