#include "speech/openai_transcriber.h"

#include "speech/voice_activity.h"

#include <algorithm>
#include <cmath>

namespace noteward::core::speech {

namespace {
constexpr double kSilenceRms = 0.004;
constexpr std::size_t kWavHeader = 44;

struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Consecutive speech regions grouped into pieces that fit the size limit, cut in the pauses.
std::vector<Piece> piecesOf(const std::vector<float>& samples, std::size_t maxBytes)
{
    const std::size_t maxSamples = (maxBytes - kWavHeader) / 2;
    std::vector<Piece> out;
    for (const auto& r : detectSpeech(samples)) {
        for (std::size_t at = r.begin; at < r.end; at += maxSamples) {  // a single region too long: hard cut
            const std::size_t end = std::min(r.end, at + maxSamples);
            if (!out.empty() && end - out.back().begin <= maxSamples) out.back().end = end;
            else out.push_back({at, end});
        }
    }
    return out;
}

std::string wavBytes(const std::vector<float>& samples, std::size_t begin, std::size_t end)
{
    std::string out;
    auto put = [&](std::uint32_t v, int n) {
        for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    const auto bytes = static_cast<std::uint32_t>((end - begin) * 2);
    out += "RIFF";
    put(36 + bytes, 4);
    out += "WAVEfmt ";
    put(16, 4);
    put(1, 2);
    put(1, 2);
    put(16000, 4);
    put(32000, 4);
    put(2, 2);
    put(16, 2);
    out += "data";
    put(bytes, 4);
    for (std::size_t i = begin; i < end; ++i)
        put(static_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(std::clamp(samples[i], -1.0f, 1.0f) * 32767.0f))), 2);
    return out;
}

std::string trimmed(std::string s)
{
    const auto b = s.find_first_not_of(" \t\n");
    const auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
}  // namespace

Result<notes::Transcript> OpenAiTranscriber::transcribe(const SpeechAudio& audio, const TranscribeControl& control)
{
    std::string base = m_config.baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const auto pieces = piecesOf(audio.samples, m_maxPieceBytes);
    notes::Transcript transcript;
    std::string previous;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
        if (control.cancel && control.cancel->load()) return cancelledError();
        const Piece& piece = pieces[p];
        net::HttpRequest request;
        request.url = base + "/v1/audio/transcriptions";
        request.secretHeader = net::SecretHeader{"authorization", "Bearer ", m_config.apiKey};
        request.cancel = control.cancel;  // a cancel or a lock abandons an upload in flight
        request.multipart = {{"file", wavBytes(audio.samples, piece.begin, piece.end), "audio.wav", "audio/wav"},
                             {"model", m_config.model, "", ""},
                             {"response_format", "verbose_json", "", ""},
                             {"language", "en", "", ""},
                             {"temperature", "0", "", ""}};
        auto response = notes::sendWithRetries(m_config, std::move(request), name());
        if (!response) return response.error();
        const auto doc = nlohmann::json::parse(response->body, nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || !doc.contains("segments") || !doc["segments"].is_array())
            return makeError(ErrorCode::Unavailable, "The openai transcription service gave an unusable answer.");
        const double offset = static_cast<double>(piece.begin) / SpeechAudio::kRate;
        for (const auto& s : doc["segments"]) {
            if (!s.is_object() || !s.contains("start") || !s.contains("end") || !s["start"].is_number() ||
                !s["end"].is_number())
                continue;
            const std::string text = trimmed(s.value("text", ""));
            const double start = offset + s["start"].get<double>();
            const double end = std::min(offset + s["end"].get<double>(), audio.seconds());
            if (text.empty() || end <= start) continue;
            // Guards against the known failure of speech models: repeats and words in silence.
            if (text == previous) continue;
            const auto from = static_cast<std::size_t>(start * SpeechAudio::kRate);
            const auto to = static_cast<std::size_t>(end * SpeechAudio::kRate);
            if (rmsOf(audio.samples, from, to) < kSilenceRms) continue;
            previous = text;
            notes::Segment seg;
            seg.id = "s" + std::to_string(transcript.segments.size() + 1);
            seg.startMs = std::llround(start * 1000);
            seg.endMs = std::llround(end * 1000);
            seg.speaker = "unknown";
            seg.text = text;
            transcript.segments.push_back(std::move(seg));
        }
        if (control.progress) control.progress(static_cast<double>(p + 1) / static_cast<double>(pieces.size()));
    }
    return transcript;
}

}  // namespace noteward::core::speech
