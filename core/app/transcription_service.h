#pragma once

#include "notes/transcript.h"
#include "speech/diarizer.h"
#include "speech/transcriber.h"
#include "util/result.h"

#include <filesystem>
#include <memory>
#include <string>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

// The on-device transcriber (PocketSphinx with the model Debian installs), or a clear error.
Result<std::unique_ptr<speech::Transcriber>> localTranscriber();

// Transcription as the CLI and the desktop app both run it: pick the engine ("local" on the
// device, or "openai" with the vault's settings), decode the audio, audit before anything
// leaves the device (and send nothing if that cannot be recorded), transcribe with progress
// and cancellation, tell the two voices apart on the device (diarizer.h, with the enrolled
// voice when there is one), and for a session store the result encrypted in the vault.
class TranscriptionService {
public:
    // `vault` may be null for the local engine on a WAV file (nothing is stored or audited).
    explicit TranscriptionService(vault::Vault* vault) : m_vault(vault) {}

    Result<notes::Transcript> transcribeSession(const std::string& sessionId, const std::string& engine,
                                                const speech::TranscribeControl& control);
    Result<notes::Transcript> transcribeWav(const std::filesystem::path& wav, const std::string& engine,
                                            const speech::TranscribeControl& control);

    // Who spoke in the last transcription: therapist and client by the enrolled voice, or
    // speaker_1/speaker_2 for the therapist to name, with segments left unknown counted.
    const speech::DiarizationOutcome& diarization() const { return m_diarization; }

    static bool isKnownEngine(const std::string& engine) { return engine == "local" || engine == "openai"; }

private:
    Result<std::unique_ptr<speech::Transcriber>> transcriberFor(const std::string& engine);
    Result<notes::Transcript> run(const speech::SpeechAudio& audio, const std::string& engine, const std::string& objectType,
                                  const std::string& objectId, const speech::TranscribeControl& control);

    vault::Vault* m_vault;
    speech::DiarizationOutcome m_diarization;
};

}  // namespace noteward::core::app
