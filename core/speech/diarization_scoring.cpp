#include "speech/diarization_scoring.h"

#include <algorithm>

namespace noteward::core::speech {

namespace {
constexpr std::int64_t kFrameMs = 10;
enum Who : unsigned { Nobody = 0, Therapist = 1, Client = 2 };

unsigned roleBit(const std::string& speaker, bool swapNumbered)
{
    if (speaker == "therapist") return Therapist;
    if (speaker == "client") return Client;
    if (speaker == "speaker_1") return swapNumbered ? Client : Therapist;
    if (speaker == "speaker_2") return swapNumbered ? Therapist : Client;
    return Nobody;
}

DiarizationScore scoreWith(const std::vector<unsigned>& truth, const std::vector<notes::Segment>& hypothesis,
                           bool swapNumbered)
{
    std::vector<unsigned> said(truth.size(), Nobody);
    for (const auto& s : hypothesis) {
        const unsigned who = roleBit(s.speaker, swapNumbered);
        const auto b = static_cast<std::size_t>(std::max<std::int64_t>(0, s.startMs / kFrameMs));
        const auto e = std::min(truth.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, s.endMs / kFrameMs)));
        for (std::size_t f = b; f < e; ++f) said[f] = who;
    }
    DiarizationScore score;
    const double frame = static_cast<double>(kFrameMs) / 1000.0;
    for (std::size_t f = 0; f < truth.size(); ++f) {
        if (truth[f] == Nobody) continue;
        score.speechSeconds += frame;
        if (said[f] == Nobody) score.unattributedSeconds += frame;
        else if ((said[f] & truth[f]) == 0) score.mislabelledSeconds += frame;
    }
    return score;
}
}  // namespace

DiarizationScore scoreDiarization(const std::vector<notes::Segment>& reference,
                                  const std::vector<notes::Segment>& hypothesis)
{
    std::int64_t endMs = 0;
    for (const auto& s : reference) endMs = std::max(endMs, s.endMs);
    std::vector<unsigned> truth(static_cast<std::size_t>(endMs / kFrameMs) + 1, Nobody);
    for (const auto& s : reference) {
        const unsigned who = roleBit(s.speaker, false);
        for (auto f = static_cast<std::size_t>(std::max<std::int64_t>(0, s.startMs / kFrameMs));
             f < static_cast<std::size_t>(s.endMs / kFrameMs) && f < truth.size(); ++f)
            truth[f] |= who;
    }
    const auto asIs = scoreWith(truth, hypothesis, false);
    const bool numbered = std::any_of(hypothesis.begin(), hypothesis.end(),
                                      [](const notes::Segment& s) { return s.speaker.rfind("speaker_", 0) == 0; });
    if (!numbered) return asIs;
    const auto swapped = scoreWith(truth, hypothesis, true);
    return swapped.mislabelledSeconds < asIs.mislabelledSeconds ? swapped : asIs;
}

}  // namespace noteward::core::speech
