#pragma once

#include "notes/llm_provider.h"
#include "speech/transcriber.h"

namespace noteward::core::speech {

// The OpenAI-compatible /v1/audio/transcriptions API (multipart upload, verbose_json
// segments), so one client serves a cloud provider, Azure OpenAI in UK South, or a
// self-hosted whisper server in the practice. Long recordings are cut at pauses into pieces
// under the provider's size limit, sent one by one, and stitched back with correct times.
// Segments that repeat the previous one or fall where the audio is silent are dropped.
class OpenAiTranscriber : public Transcriber {
public:
    static constexpr std::size_t kDefaultMaxPieceBytes = 24 * 1024 * 1024;  // the API accepts 25 MB

    OpenAiTranscriber(notes::ProviderConfig config, std::size_t maxPieceBytes = kDefaultMaxPieceBytes)
        : m_config(std::move(config)), m_maxPieceBytes(maxPieceBytes)
    {
    }
    std::string name() const override { return "openai"; }
    Result<notes::Transcript> transcribe(const SpeechAudio& audio, const TranscribeControl& control) override;

private:
    notes::ProviderConfig m_config;
    std::size_t m_maxPieceBytes;
};

}  // namespace noteward::core::speech
