#pragma once

// Two-voice therapy dialogues spoken by espeak-ng, for measuring diarization and the whole
// on-device path from audio. Test and bench support only: nothing here ships.

#include "notes/transcript.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace noteward::test {

struct SynthVoice {
    std::string voice;  // espeak-ng -v, e.g. "en-gb+m3"
    int wordsPerMinute = 160;
    int pitch = 50;  // espeak-ng -p, 0..99
};

struct VoicePair {
    std::string name;
    SynthVoice therapist;
    SynthVoice client;
};

// Voice pairs used while the diarizer's constants were chosen, and others kept for scoring
// only (never looked at while tuning).
std::vector<VoicePair> tuningVoicePairs();
std::vector<VoicePair> heldOutVoicePairs();

struct SynthOptions {
    bool overlaps = true;    // every fourth turn starts 0.4 s before the last one ends
    bool shortTurns = true;  // a client "Okay." after every third therapist turn
};

// Speaks `script` (a labelled transcript: therapist and client segments) turn by turn into
// `dir/name.wav` at 16 kHz, writes `dir/name.json` with the real times of each turn (the
// reference speakers, and `extra` merged in, e.g. the fixture's "expected"), and the
// therapist's enrollment reading to `dir/name.enroll.wav`. Pauses between turns vary from
// 0.2 s (too short for the voice detector to split) to 0.9 s.
core::Result<void> synthesiseDialogue(const std::filesystem::path& dir, const std::string& name,
                                const core::notes::Transcript& script, const VoicePair& voices, const SynthOptions& options,
                                const nlohmann::json& extra = {});

// The enrollment passage alone, in `voice`, to `wav`.
core::Result<void> synthesiseEnrollment(const std::filesystem::path& wav, const SynthVoice& voice);

}  // namespace noteward::test
