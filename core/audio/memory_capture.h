#pragma once

#include "util/result.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace noteward::core::audio {

struct CapturedAudio {
    std::vector<float> mono;  // -1..1
    int sampleRate = 0;
    std::string deviceName;
};

// A short capture kept in memory only, never written anywhere: for a voice enrollment, which
// is the therapist's biometric data and is stored (as a model, not audio) only in the vault.
// Blocking reads from `device` (empty: the system default) for `seconds`; `progress` gets the
// fraction done and the last block's peak; `cancel` stops early and returns an error.
Result<CapturedAudio> captureToMemory(const std::string& device, double seconds,
                                      const std::function<void(double fraction, float peak)>& progress,
                                      const std::atomic<bool>* cancel = nullptr);

}  // namespace noteward::core::audio
