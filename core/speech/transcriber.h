#pragma once

#include "notes/transcript.h"
#include "util/result.h"

#include <atomic>
#include <cstdint>
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

// A stretch of one person's speech, as diarization found it.
struct SpeakerTurn {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string speaker;  // therapist/client, speaker_1/speaker_2, or unknown
};

struct TranscribeControl {
    std::function<void(double fraction)> progress;  // 0..1, from the transcribing thread
    const std::atomic<bool>* cancel = nullptr;      // set to stop promptly with ErrorCode::Cancelled-like error
    // Speech already found and attributed (see diarizer.h): a transcriber that decodes spans
    // itself decodes exactly these, one segment per turn with its speaker, so a segment never
    // holds two voices. Others ignore it (their segments are labelled by overlap afterwards).
    const std::vector<SpeakerTurn>* turns = nullptr;
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
