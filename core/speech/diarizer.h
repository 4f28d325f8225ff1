#pragma once

#include "notes/transcript.h"
#include "speech/transcriber.h"
#include "speech/voice_model.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace noteward::core::speech {

// The therapist's enrolled voice: features pooled over about 30 s of their reading. Kept only
// inside the vault (it is biometric data about the therapist).
struct VoiceProfile {
    static constexpr int kVersion = 1;
    VoiceModel model;
    double speechSeconds = 0;  // voiced speech it was made from

    nlohmann::json toJson() const;
    static Result<VoiceProfile> fromJson(const nlohmann::json& json);
};

// How much speech an enrollment needs before it is trusted.
constexpr double kMinEnrollmentSeconds = 15.0;

// A profile from a recording of the therapist alone; too little speech is refused with the
// figure heard.
Result<VoiceProfile> enrollVoice(const SpeechAudio& audio);

struct DiarizationOutcome {
    enum class Naming {
        None,      // nothing could be told apart (no speech, or the front end failed)
        Roles,     // therapist and client, by the enrolled voice
        Numbered,  // speaker_1 (who spoke first) and speaker_2: the therapist is asked which
    };
    Naming naming = Naming::None;
    std::size_t labelled = 0;       // turns (or segments) given a speaker
    std::size_t unknown = 0;        // left unknown: too short, or too near both voices to say
    bool oneVoice = false;          // only one voice was heard
    bool profileUnmatched = false;  // a profile was given but neither voice was near it
    bool profileUnreadable = false; // an enrolled voice exists but could not be read
};

struct Diarization {
    std::vector<SpeakerTurn> turns;
    DiarizationOutcome outcome;
};

// Two-speaker diarization on the device. Speech is found as the recogniser finds it
// (detectSpeech), measured in half-second windows (VoiceFeatures), the windows are split into
// two voices, and each stretch of speech is cut where the voice changes, so a reply that
// follows a question without a pause becomes its own turn. The voice nearer the enrolled
// profile is the therapist. A stretch too near both voices stays "unknown" rather than guessed.
// `cancel`, when set, stops the work between stages (an empty result).
Diarization diarizeAudio(const SpeechAudio& audio, const VoiceProfile* profile,
                         const std::atomic<bool>* cancel = nullptr);

// Gives each segment still "unknown" the speaker of the turns it overlaps, when one speaker
// has at least 70 % of it; a segment spanning both voices stays unknown. For segments a
// recogniser made itself (a hosted one), which cannot be cut at the turns.
DiarizationOutcome labelSegments(const Diarization& diarization, std::vector<notes::Segment>& segments);

// What a person is told about an outcome, in one line.
std::string describe(const DiarizationOutcome& outcome);

}  // namespace noteward::core::speech
