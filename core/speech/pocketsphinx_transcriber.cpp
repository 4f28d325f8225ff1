#include "speech/pocketsphinx_transcriber.h"

#include "speech/voice_activity.h"

#include <pocketsphinx.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace noteward::core::speech {

namespace {
constexpr double kSilenceRms = 0.004;

struct DecoderDeleter {
    void operator()(ps_decoder_t* ps) const { ps_free(ps); }
};

std::string cleaned(const char* hypothesis)
{
    std::string out;
    if (!hypothesis) return out;
    for (const char* p = hypothesis; *p; ++p) out.push_back(*p);
    // Alternate pronunciations come back as word(2): keep the word.
    std::string result;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '(') {
            while (i < out.size() && out[i] != ')') ++i;
            continue;
        }
        result.push_back(out[i]);
    }
    return result;
}
}  // namespace

Error cancelledError() { return makeError(ErrorCode::InvalidInput, "Transcription was cancelled; nothing was stored."); }
bool isCancelled(const Error& error) { return error.message.rfind("Transcription was cancelled", 0) == 0; }

std::optional<SphinxModel> findSphinxModel(const std::optional<std::filesystem::path>& configured)
{
    std::vector<std::filesystem::path> roots;
    if (configured) roots.push_back(*configured);
    if (const char* env = std::getenv("NOTEWARD_SPHINX_MODEL_DIR"); env && *env) roots.emplace_back(env);
    roots.emplace_back("/usr/share/pocketsphinx/model/en-us");
    roots.emplace_back("/usr/local/share/pocketsphinx/model/en-us");
    for (const auto& root : roots) {
        SphinxModel m{root / "en-us", root / "en-us.lm.bin", root / "cmudict-en-us.dict"};
        if (std::filesystem::is_directory(m.acousticModel) && std::filesystem::exists(m.languageModel) &&
            std::filesystem::exists(m.dictionary))
            return m;
    }
    return std::nullopt;
}

Result<notes::Transcript> PocketSphinxTranscriber::transcribe(const SpeechAudio& audio, const TranscribeControl& control)
{
    cmd_ln_t* config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", m_model.acousticModel.c_str(), "-lm",
                                   m_model.languageModel.c_str(), "-dict", m_model.dictionary.c_str(), "-logfn",
                                   "/dev/null", nullptr);
    if (!config) return makeError(ErrorCode::Internal, "The on-device speech model could not be configured.");
    std::unique_ptr<ps_decoder_t, DecoderDeleter> ps(ps_init(config));
    cmd_ln_free_r(config);  // the decoder keeps its own reference
    if (!ps) return makeError(ErrorCode::Internal, "The on-device speech model could not be loaded.");

    std::vector<SpeechRegion> regions;
    std::vector<std::string> speakers;
    if (control.turns) {
        for (const auto& t : *control.turns) {
            const auto b = static_cast<std::size_t>(std::max<std::int64_t>(0, t.startMs)) * 16;
            const auto e = std::min(audio.samples.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, t.endMs)) * 16);
            if (e <= b) continue;
            regions.push_back({b, e});
            speakers.push_back(t.speaker);
        }
    } else {
        regions = detectSpeech(audio.samples);
        speakers.assign(regions.size(), "unknown");
    }
    notes::Transcript transcript;
    std::vector<std::int16_t> pcm;
    std::string previousText;
    std::string previousSpeaker;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (control.cancel && control.cancel->load()) return cancelledError();
        const auto& region = regions[r];
        // Guard against words invented in silence: quiet regions are not decoded at all.
        if (rmsOf(audio.samples, region.begin, region.end) < kSilenceRms) continue;
        pcm.resize(region.end - region.begin);
        for (std::size_t i = 0; i < pcm.size(); ++i)
            pcm[i] = static_cast<std::int16_t>(std::lround(std::clamp(audio.samples[region.begin + i], -1.0f, 1.0f) * 32767.0f));
        ps_start_utt(ps.get());
        ps_process_raw(ps.get(), pcm.data(), pcm.size(), FALSE, TRUE);
        ps_end_utt(ps.get());
        std::int32_t score = 0;
        const std::string text = cleaned(ps_get_hyp(ps.get(), &score));
        if (control.progress) control.progress(static_cast<double>(r + 1) / static_cast<double>(regions.size()));
        // Guard against the known loop failure: a segment repeating the previous one verbatim.
        if (text.empty() || (text == previousText && speakers[r] == previousSpeaker)) continue;
        previousText = text;
        previousSpeaker = speakers[r];
        notes::Segment seg;
        seg.id = "s" + std::to_string(transcript.segments.size() + 1);
        seg.startMs = static_cast<std::int64_t>(region.begin / 16);
        seg.endMs = static_cast<std::int64_t>(region.end / 16);
        seg.speaker = speakers[r];
        seg.text = text;
        transcript.segments.push_back(std::move(seg));
    }
    return transcript;
}

}  // namespace noteward::core::speech
