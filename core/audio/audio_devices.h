#pragma once

#include "util/result.h"

#include <mutex>
#include <string>
#include <vector>

namespace noteward::core::audio {

// PortAudio is not thread-safe: its initialisation count, device list and stream opening are
// plain globals. Every call that touches them holds this (recursive: a start that holds it
// looks devices up). Running streams' callbacks need nothing.
std::recursive_mutex& portAudioMutex();

// Keeps PortAudio initialised for its lifetime (Pa_Initialize/Pa_Terminate are counted).
class PortAudioScope {
public:
    PortAudioScope();
    ~PortAudioScope();
    PortAudioScope(const PortAudioScope&) = delete;
    PortAudioScope& operator=(const PortAudioScope&) = delete;
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

// Stops and closes a PortAudio stream (given as void* so headers need no portaudio.h) and
// clears the handle; nothing happens for a null one.
void closeStream(void*& stream);

struct InputDevice {
    int index = -1;
    std::string name;
    std::string hostApi;
    int maxInputChannels = 0;
    double defaultSampleRate = 0;
    bool isDefault = false;
};

std::vector<InputDevice> listInputDevices();
// By exact name, else by a unique part of the name; an empty name picks the system default.
Result<InputDevice> findInputDevice(const std::string& name);

}  // namespace noteward::core::audio
