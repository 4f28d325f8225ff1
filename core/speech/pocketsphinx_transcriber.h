#pragma once

#include "speech/transcriber.h"

#include <filesystem>
#include <optional>

namespace noteward::core::speech {

struct SphinxModel {
    std::filesystem::path acousticModel;  // folder
    std::filesystem::path languageModel;  // .lm.bin
    std::filesystem::path dictionary;     // .dict
};

// The model from Debian's pocketsphinx-en-us (or NOTEWARD_SPHINX_MODEL_DIR), if installed.
std::optional<SphinxModel> findSphinxModel(const std::optional<std::filesystem::path>& configured = std::nullopt);

// On-device transcription with CMU PocketSphinx 0.8 and its US English model: each region the
// voice-activity detector finds is decoded as one utterance, so segments carry real times.
// Honest about accuracy: this is a small 2015-era model; on clear speech expect many word
// errors (see the closing note's WER figure). Nothing leaves the device.
class PocketSphinxTranscriber : public Transcriber {
public:
    explicit PocketSphinxTranscriber(SphinxModel model) : m_model(std::move(model)) {}
    std::string name() const override { return "local"; }
    Result<notes::Transcript> transcribe(const SpeechAudio& audio, const TranscribeControl& control) override;

private:
    SphinxModel m_model;
};

}  // namespace noteward::core::speech
