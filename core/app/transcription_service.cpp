#include "app/transcription_service.h"

#include "app/voice_service.h"
#include "records/engine_configuration.h"
#include "records/note_records.h"
#include "speech/openai_transcriber.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/speech_audio.h"
#include "vault/vault.h"

namespace noteward::core::app {

Result<std::unique_ptr<speech::Transcriber>> localTranscriber()
{
    auto model = speech::findSphinxModel();
    if (!model)
        return makeError(ErrorCode::NotFound, "The on-device speech model is not installed (Debian: "
                                              "pocketsphinx-en-us), or set NOTEWARD_SPHINX_MODEL_DIR.");
    return std::unique_ptr<speech::Transcriber>(std::make_unique<speech::PocketSphinxTranscriber>(*model));
}

Result<std::unique_ptr<speech::Transcriber>> TranscriptionService::transcriberFor(const std::string& engine)
{
    if (engine == "local") return localTranscriber();
    if (engine != "openai") return makeError(ErrorCode::InvalidInput, "Unknown transcription engine '" + engine + "'.");
    // A provider needs the vault: it holds the key, and its audit log records what left.
    if (!m_vault) return makeError(ErrorCode::InvalidInput, "The " + engine + " engine needs the vault, which holds its key.");
    auto config = records::transcriptionConfig(*m_vault);
    if (!config) return config.error();
    return std::unique_ptr<speech::Transcriber>(std::make_unique<speech::OpenAiTranscriber>(config.value()));
}

Result<notes::Transcript> TranscriptionService::run(const speech::SpeechAudio& audio, const std::string& engine,
                                                    const std::string& objectType, const std::string& objectId,
                                                    const speech::TranscribeControl& control)
{
    auto transcriber = transcriberFor(engine);
    if (!transcriber) return transcriber.error();
    // Audited before anything leaves the device; if the log cannot say so, nothing is sent.
    if (engine != "local")
        if (auto recorded = m_vault->recordAudit("audio.sent:" + engine, objectType, objectId); !recorded)
            return makeError(recorded.error().code,
                             "Nothing was sent, because the audit log could not record it: " + recorded.error().message);
    // Who spoke, on the device, before the words: the local recogniser then decodes one turn
    // per segment; a hosted one's segments are labelled by overlap afterwards.
    std::optional<speech::VoiceProfile> profile;
    bool profileUnreadable = false;
    if (m_vault) {
        auto stored = VoiceService(*m_vault).profile();
        if (!stored) profileUnreadable = true;  // said in the outcome; the voices are numbered instead
        else if (stored.value()) profile = std::move(*stored.value());
    }
    if (control.cancel && control.cancel->load()) return speech::cancelledError();
    const auto diarization = speech::diarizeAudio(audio, profile ? &*profile : nullptr, control.cancel);
    if (control.cancel && control.cancel->load()) return speech::cancelledError();
    speech::TranscribeControl withTurns = control;
    if (diarization.outcome.naming != speech::DiarizationOutcome::Naming::None) withTurns.turns = &diarization.turns;
    auto transcript = transcriber.value()->transcribe(audio, withTurns);
    if (!transcript) return transcript.error();
    m_diarization = speech::labelSegments(diarization, transcript->segments);
    m_diarization.profileUnreadable = profileUnreadable;
    m_diarization.labelled = 0;
    m_diarization.unknown = 0;
    for (const auto& seg : transcript->segments) ++(seg.speaker == "unknown" ? m_diarization.unknown : m_diarization.labelled);
    if (m_vault) (void)m_vault->recordAudit("transcript.created:" + engine, objectType, objectId);
    return transcript;
}

Result<notes::Transcript> TranscriptionService::transcribeSession(const std::string& sessionId, const std::string& engine,
                                                                  const speech::TranscribeControl& control)
{
    if (!m_vault) return makeError(ErrorCode::InvalidInput, "Transcribing a session needs its vault.");
    auto audio = speech::speechAudioFromSession(*m_vault, sessionId);
    if (!audio) return audio.error();
    auto transcript = run(audio.value(), engine, "session", sessionId, control);
    if (!transcript) return transcript;
    transcript->sessionId = sessionId;
    if (auto stored = records::NoteRecords(*m_vault).storeTranscript(sessionId, transcript.value(), engine); !stored)
        return stored.error();
    return transcript;
}

Result<notes::Transcript> TranscriptionService::transcribeWav(const std::filesystem::path& wav, const std::string& engine,
                                                              const speech::TranscribeControl& control)
{
    auto audio = speech::speechAudioFromWav(wav);
    if (!audio) return audio.error();
    return run(audio.value(), engine, "file", "wav", control);
}

}  // namespace noteward::core::app
