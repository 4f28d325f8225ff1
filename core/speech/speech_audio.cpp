#include "speech/speech_audio.h"

#include "audio/recording_reader.h"
#include "audio/resampler.h"
#include "audio/wav_file.h"
#include "vault/vault.h"

namespace noteward::core::speech {

SpeechAudio toSpeechAudio(const std::vector<float>& mono, int sampleRate)
{
    SpeechAudio out;
    if (sampleRate == SpeechAudio::kRate) {
        out.samples = mono;
        return out;
    }
    audio::Resampler resampler(sampleRate, SpeechAudio::kRate);
    resampler.process(mono.data(), mono.size(), true, out.samples);
    return out;
}

Result<SpeechAudio> speechAudioFromWav(const std::filesystem::path& wav)
{
    auto pcm = audio::readWav(wav);
    if (!pcm) return pcm.error();
    return toSpeechAudio(pcm->mono(), pcm->sampleRate);
}

Result<SpeechAudio> speechAudioFromSession(vault::Vault& vault, const std::string& sessionId)
{
    if (vault.isLocked()) return vault::Vault::lockedError();
    auto reader = audio::RecordingReader::open(vault.database(), vault.user().id, sessionId);
    if (!reader) return reader.error();
    std::vector<float> mono;
    for (std::size_t i = 0; i < reader.value()->chunkCount(); ++i) {
        auto samples = reader.value()->decodeChunk(i);
        if (!samples) return samples.error();
        mono.insert(mono.end(), samples->begin(), samples->end());
    }
    return toSpeechAudio(mono, reader.value()->sampleRate());
}

}  // namespace noteward::core::speech
