#pragma once

#include "notes/transcript.h"
#include "util/result.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace noteward::core::speech {

// Mono 16 kHz samples in -1..1: what every transcriber here consumes.
struct SpeechAudio {
    static constexpr int kRate = 16000;
    std::vector<float> samples;
    double seconds() const { return static_cast<double>(samples.size()) / kRate; }
};

struct TranscribeControl {
    std::function<void(double fraction)> progress;  // 0..1, from the transcribing thread
    const std::atomic<bool>* cancel = nullptr;      // set to stop promptly with ErrorCode::Cancelled-like error
};

// Turns speech into the transcript JSON of ../shared/DESIGN.md: segments with ids, times in
// ms and text. Speakers are "unknown" until the therapist sets them.
class Transcriber {
public:
    virtual ~Transcriber() = default;
    virtual std::string name() const = 0;
    virtual Result<notes::Transcript> transcribe(const SpeechAudio& audio, const TranscribeControl& control) = 0;
};

Error cancelledError();
bool isCancelled(const Error& error);

}  // namespace noteward::core::speech
