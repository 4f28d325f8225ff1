#include "dialogue_synthesis.h"

#include "audio/wav_file.h"
#include "crypto/random.h"
#include "speech/speech_audio.h"
#include "util/subprocess.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>

namespace noteward::test {

using core::ErrorCode;
using core::makeError;
using core::Ok;
template <typename T>
using Result = core::Result<T>;
namespace notes = core::notes;

namespace {
constexpr int kRate = 16000;
constexpr float kLevel = 0.6f;  // each voice's gain, so overlaps do not clip

// Written for this; about 30 s at 160 words a minute, with the sounds of ordinary speech.
constexpr const char* kEnrollmentPassage =
    "Before we start, I will read this short passage so that the laptop can learn my voice. "
    "Each week I meet people who want to change how they feel, and we work together on what they notice. "
    "We look at thoughts, feelings and behaviour, and we plan small experiments between sessions. "
    "Some weeks are harder than others, and that is part of the work. "
    "I write a short note after every meeting, I check it carefully, and I sign it before it is stored. "
    "Thank you for listening; that is the end of the passage.";

constexpr std::array<double, 6> kGaps = {0.6, 0.9, 0.2, 0.5, 0.7, 0.3};

std::string voiceArg(const SynthVoice& v) { return v.voice; }

Result<std::vector<float>> speak(const SynthVoice& voice, const std::string& text)
{
    const auto wav = std::filesystem::temp_directory_path() / ("noteward-synth-" + core::crypto::randomUuid() + ".wav");
    const auto run = core::runProgram({"espeak-ng", "-v", voiceArg(voice), "-s", std::to_string(voice.wordsPerMinute), "-p",
                                       std::to_string(voice.pitch), "-w", wav.string(), text},
                                      false);
    if (!run || run->exitCode != 0) {
        std::filesystem::remove(wav);
        return makeError(ErrorCode::Internal, "espeak-ng could not speak a turn (is espeak-ng installed?).");
    }
    auto audio = core::speech::speechAudioFromWav(wav);
    std::filesystem::remove(wav);
    if (!audio) return audio.error();
    auto& s = audio->samples;
    // espeak-ng pads with silence: trim it, so the reference times are the speech itself.
    const auto loud = [](float x) { return std::fabs(x) > 0.01f; };
    const auto first = std::find_if(s.begin(), s.end(), loud);
    const auto last = std::find_if(s.rbegin(), s.rend(), loud).base();
    if (first >= last) return makeError(ErrorCode::Internal, "espeak-ng produced silence for \"" + text + "\".");
    std::vector<float> out(first, last);
    for (auto& x : out) x *= kLevel;
    return out;
}

void mixInto(std::vector<float>& track, std::size_t at, const std::vector<float>& clip)
{
    if (track.size() < at + clip.size()) track.resize(at + clip.size(), 0.0f);
    for (std::size_t i = 0; i < clip.size(); ++i) track[at + i] = std::clamp(track[at + i] + clip[i], -1.0f, 1.0f);
}
}  // namespace

std::vector<VoicePair> tuningVoicePairs()
{
    return {
        {"gb-male-female", {"en-gb+m3", 160, 40}, {"en-gb+f3", 150, 60}},
        {"rp-female-us-male", {"en-gb-x-rp+f2", 165, 55}, {"en-us+m1", 145, 45}},
        {"scotland-lancaster-males", {"en-gb-scotland+m2", 155, 45}, {"en-gb-x-gbclan+m5", 175, 35}},
    };
}

std::vector<VoicePair> heldOutVoicePairs()
{
    return {
        {"midlands-female-gb-male", {"en-gb-x-gbcwmd+f4", 150, 65}, {"en-gb+m7", 165, 40}},
        {"us-male-rp-male", {"en-us+m4", 170, 50}, {"en-gb-x-rp+m2", 140, 30}},
        {"caribbean-female-gb-female", {"en-029+f1", 160, 50}, {"en-gb+f5", 180, 70}},
    };
}

Result<void> synthesiseEnrollment(const std::filesystem::path& wav, const SynthVoice& voice)
{
    auto speech = speak(voice, kEnrollmentPassage);
    if (!speech) return speech.error();
    std::vector<float> track(kRate / 2, 0.0f);
    track.insert(track.end(), speech->begin(), speech->end());
    track.resize(track.size() + kRate / 2, 0.0f);
    return core::audio::writeWavMono16(wav, kRate, track);
}

Result<void> synthesiseDialogue(const std::filesystem::path& dir, const std::string& name,
                                const notes::Transcript& script, const VoicePair& voices, const SynthOptions& options,
                                const nlohmann::json& extra)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::vector<notes::Segment> turns;
    int therapistTurns = 0;
    for (const auto& s : script.segments) {
        if (s.speaker != "therapist" && s.speaker != "client") continue;
        turns.push_back(s);
        if (s.speaker == "therapist" && options.shortTurns && ++therapistTurns % 3 == 0)
            turns.push_back({"", 0, 0, "client", "Okay."});
    }
    if (turns.empty()) return makeError(ErrorCode::InvalidInput, name + " has no therapist or client turns to speak.");

    std::vector<float> track(kRate / 2, 0.0f);  // half a second of room before the first word
    std::size_t cursor = track.size();
    std::string lastSpeaker;
    std::size_t lastLength = 0;
    notes::Transcript reference;
    reference.sessionId = name;
    for (std::size_t t = 0; t < turns.size(); ++t) {
        const auto& turn = turns[t];
        auto speech = speak(turn.speaker == "therapist" ? voices.therapist : voices.client, turn.text);
        if (!speech) return speech.error();
        std::size_t at = cursor;
        if (t > 0) {
            const bool overlap = options.overlaps && t % 4 == 3 && turn.speaker != lastSpeaker && lastLength > kRate;
            at = overlap ? cursor - static_cast<std::size_t>(0.4 * kRate)
                         : cursor + static_cast<std::size_t>(kGaps[t % kGaps.size()] * kRate);
        }
        mixInto(track, at, *speech);
        notes::Segment seg;
        seg.id = "t" + std::to_string(t + 1);
        seg.startMs = static_cast<std::int64_t>(at / 16);
        seg.endMs = static_cast<std::int64_t>((at + speech->size()) / 16);
        seg.speaker = turn.speaker;
        seg.text = turn.text;
        reference.segments.push_back(seg);
        cursor = std::max(cursor, at + speech->size());
        lastSpeaker = turn.speaker;
        lastLength = speech->size();
    }
    track.resize(cursor + kRate / 2, 0.0f);
    if (auto w = core::audio::writeWavMono16(dir / (name + ".wav"), kRate, track); !w) return w.error();
    if (auto e = synthesiseEnrollment(dir / (name + ".enroll.wav"), voices.therapist); !e) return e.error();

    auto json = notes::toJson(reference);
    json["voices"] = {{"pair", voices.name}, {"therapist", voices.therapist.voice}, {"client", voices.client.voice}};
    if (extra.is_object())
        for (auto it = extra.begin(); it != extra.end(); ++it) json[it.key()] = it.value();
    std::ofstream out(dir / (name + ".json"));
    out << json.dump(1) << '\n';
    if (!out) return makeError(ErrorCode::Io, "Could not write " + (dir / (name + ".json")).string() + ".");
    return Ok{};
}

}  // namespace noteward::test
