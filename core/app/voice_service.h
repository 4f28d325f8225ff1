#pragma once

#include "speech/diarizer.h"
#include "speech/transcriber.h"
#include "util/result.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

// The therapist's enrolled voice, as the CLI and the desktop app both handle it: a reading of
// about 30 s becomes a voice model (never the audio) stored in the vault, used by every later
// transcription to tell therapist from client, and deleted on request. Each step is audited.
class VoiceService {
public:
    static constexpr double kEnrollmentSeconds = 30.0;

    explicit VoiceService(vault::Vault& vault) : m_vault(vault) {}

    // The reading, from a microphone, kept in memory only.
    static Result<speech::SpeechAudio> captureReading(const std::string& device, double seconds,
                                                      const std::function<void(double fraction, float peak)>& progress,
                                                      const std::atomic<bool>* cancel = nullptr);
    // The passage the therapist is asked to read (any speech will do; this has ordinary sounds).
    static const char* readingPassage();

    Result<speech::VoiceProfile> enroll(const speech::SpeechAudio& reading);
    // nullopt when no voice is enrolled; an error when the stored one cannot be read.
    Result<std::optional<speech::VoiceProfile>> profile();
    // true if there was one to delete.
    Result<bool> forget();

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::app
