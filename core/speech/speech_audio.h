#pragma once

#include "speech/transcriber.h"

#include <filesystem>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::speech {

// Mono 16 kHz from any rate (libsamplerate where needed).
SpeechAudio toSpeechAudio(const std::vector<float>& mono, int sampleRate);
// A WAV file as speech audio; unreadable audio gets a clear error.
Result<SpeechAudio> speechAudioFromWav(const std::filesystem::path& wav);
// A session's recording, decoded in memory (never written to disk).
Result<SpeechAudio> speechAudioFromSession(vault::Vault& vault, const std::string& sessionId);

}  // namespace noteward::core::speech
