#include "speech/diarizer.h"

#include "speech/voice_activity.h"
#include "speech/window_clustering.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace noteward::core::speech {

namespace {
// The numbers below were chosen on the tuning dialogues (bench speech --dialogues); the
// held-out dialogues use voices never looked at while choosing them.
constexpr int kRefineRounds = 3;
constexpr double kLlrClamp = 10.0;         // one odd frame cannot outvote its neighbours
constexpr std::size_t kSmoothFrames = 75;  // each side: a second and a half in all
constexpr std::size_t kMinVoicedInSpan = 8;
constexpr double kMinMeanLlr = 0.25;       // below this the half second is too close to call
constexpr std::size_t kMinTurnFrames = 50; // a turn shorter than half a second joins its neighbour
constexpr double kSegmentShare = 0.7;      // a recogniser's segment takes a speaker with this share
// The enrolled voice must explain one voice's frames better than the other's by this much
// (log-likelihood per frame) to name them; otherwise it matches neither.
constexpr double kProfileMargin = 0.5;
// Below this share of voiced frames the second "voice" is noise: one voice was heard.
constexpr double kMinVoiceShare = 0.03;

using FrameRef = std::pair<std::size_t, std::size_t>;  // stretch, frame

std::vector<FrameRef> voicedFrames(const std::vector<VoiceTrack>& tracks)
{
    std::vector<FrameRef> out;
    for (std::size_t s = 0; s < tracks.size(); ++s)
        for (std::size_t f = 0; f < tracks[s].frames(); ++f)
            if (!std::isnan(tracks[s].log2Pitch[f])) out.emplace_back(s, f);
    return out;
}

// Each frame's voice from the mean log-likelihood ratio of the voiced frames within half a
// second of it; -1 where there are too few of them or the mean is too small to call.
std::vector<int> smoothedLabels(const std::vector<double>& llr)
{
    const std::size_t n = llr.size();
    std::vector<double> sum(n + 1, 0.0);
    std::vector<std::size_t> count(n + 1, 0);
    for (std::size_t f = 0; f < n; ++f) {
        const bool v = !std::isnan(llr[f]);
        sum[f + 1] = sum[f] + (v ? llr[f] : 0.0);
        count[f + 1] = count[f] + (v ? 1 : 0);
    }
    std::vector<int> out(n, -1);
    for (std::size_t f = 0; f < n; ++f) {
        const std::size_t b = f > kSmoothFrames ? f - kSmoothFrames : 0;
        const std::size_t e = std::min(n, f + kSmoothFrames + 1);
        const std::size_t c = count[e] - count[b];
        if (c < kMinVoicedInSpan) continue;
        const double mean = (sum[e] - sum[b]) / static_cast<double>(c);
        if (std::fabs(mean) >= kMinMeanLlr) out[f] = mean > 0 ? 0 : 1;
    }
    return out;
}

// Per stretch, per frame: score(frame) under `first` minus under `second`, NaN where unvoiced.
std::vector<std::vector<double>> ratios(const std::vector<VoiceTrack>& tracks, const std::vector<FrameRef>& voiced,
                                        const VoiceModel& first, const VoiceModel& second)
{
    std::vector<std::vector<double>> llr(tracks.size());
    for (std::size_t s = 0; s < tracks.size(); ++s) llr[s].assign(tracks[s].frames(), std::numeric_limits<double>::quiet_NaN());
    std::vector<float> x;
    for (const auto& [s, f] : voiced) {
        x.clear();
        VoiceModel::appendFrame(tracks[s], f, x);
        llr[s][f] = std::clamp(first.logLikelihood(x.data()) - second.logLikelihood(x.data()), -kLlrClamp, kLlrClamp);
    }
    return llr;
}

struct Run {
    std::size_t from, to;
    int voice;
};

// Runs of one label; a run shorter than kMinTurnFrames joins its longer neighbour.
std::vector<Run> runsOf(const std::vector<int>& label)
{
    std::vector<Run> runs;
    for (std::size_t f = 0; f < label.size(); ++f) {
        if (!runs.empty() && runs.back().voice == label[f]) runs.back().to = f + 1;
        else runs.push_back({f, f + 1, label[f]});
    }
    for (bool merged = true; merged && runs.size() > 1;) {
        merged = false;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            // Unclear stretches stay unclear, however short: never guessed into a voice.
            if (runs[r].to - runs[r].from >= kMinTurnFrames || runs[r].voice < 0) continue;
            std::size_t into = r > 0 ? r - 1 : r + 1;
            if (r > 0 && r + 1 < runs.size() && runs[r + 1].to - runs[r + 1].from > runs[r - 1].to - runs[r - 1].from)
                into = r + 1;
            if (into < r) runs[into].to = runs[r].to;
            else runs[into].from = runs[r].from;
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(r));
            for (std::size_t q = 1; q < runs.size();) {  // neighbours now of one voice become one run
                if (runs[q].voice == runs[q - 1].voice) {
                    runs[q - 1].to = runs[q].to;
                    runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(q));
                } else {
                    ++q;
                }
            }
            merged = true;
            break;
        }
    }
    return runs;
}

// Mean log-likelihood under `model` of the voiced frames labelled `voice`.
double meanScore(const std::vector<VoiceTrack>& tracks, const std::vector<FrameRef>& voiced,
                 const std::vector<std::vector<int>>& labels, int voice, const VoiceModel& model)
{
    double sum = 0;
    std::size_t n = 0;
    std::vector<float> x;
    for (const auto& [s, f] : voiced) {
        if (labels[s][f] != voice) continue;
        x.clear();
        VoiceModel::appendFrame(tracks[s], f, x);
        sum += model.logLikelihood(x.data());
        ++n;
    }
    return n ? sum / static_cast<double>(n) : -std::numeric_limits<double>::infinity();
}
}  // namespace

nlohmann::json VoiceProfile::toJson() const
{
    return {{"version", kVersion}, {"model", model.toJson()}, {"speech_seconds", speechSeconds}};
}

Result<VoiceProfile> VoiceProfile::fromJson(const nlohmann::json& json)
{
    const auto bad = makeError(ErrorCode::InvalidInput, "The stored voice profile is not readable; enrol the voice again.");
    if (!json.is_object() || !json.contains("version") || !json["version"].is_number_integer() ||
        json["version"].get<int>() != kVersion || !json.contains("model"))
        return bad;
    auto model = VoiceModel::fromJson(json["model"]);
    if (!model) return bad;
    const auto seconds = json.value("speech_seconds", nlohmann::json());
    return VoiceProfile{std::move(*model), seconds.is_number() ? seconds.get<double>() : 0.0};
}

Result<VoiceProfile> enrollVoice(const SpeechAudio& audio)
{
    VoiceFeatureExtractor extractor;
    if (!extractor.ok()) return makeError(ErrorCode::Internal, "The on-device voice front end could not be started.");
    std::vector<float> frames;
    for (const auto& r : detectSpeech(audio.samples)) {
        const auto more = VoiceModel::framesOf(extractor.track(audio.samples, r.begin, r.end));
        frames.insert(frames.end(), more.begin(), more.end());
    }
    // Voiced frames are 10 ms each; ordinary reading is voiced a little over half the time.
    const double voicedSeconds = static_cast<double>(frames.size() / VoiceModel::kFrameDims) / 100.0;
    if (voicedSeconds < kMinEnrollmentSeconds / 2) {
        char heard[32];
        std::snprintf(heard, sizeof heard, "%.0f", voicedSeconds * 2);
        return makeError(ErrorCode::InvalidInput,
                         std::string("Only about ") + heard +
                             " s of clear speech was heard; read aloud for about 30 seconds (at least " +
                             std::to_string(static_cast<int>(kMinEnrollmentSeconds)) + " s of speech is needed).");
    }
    auto model = VoiceModel::train(frames);
    if (model.empty()) return makeError(ErrorCode::InvalidInput, "The reading could not be modelled; read it again.");
    return VoiceProfile{std::move(model), voicedSeconds};
}

Diarization diarizeAudio(const SpeechAudio& audio, const VoiceProfile* profile, const std::atomic<bool>* cancel)
{
    const auto cancelled = [&] { return cancel && cancel->load(); };
    Diarization result;
    auto& out = result.outcome;
    VoiceFeatureExtractor extractor;
    if (!extractor.ok()) return result;

    // 1. Measure each stretch of speech once.
    std::vector<VoiceTrack> tracks;
    for (const auto& region : detectSpeech(audio.samples)) tracks.push_back(extractor.track(audio.samples, region.begin, region.end));
    const auto voiced = voicedFrames(tracks);
    if (voiced.empty()) return result;
    std::vector<float> all;
    for (const auto& [s, f] : voiced) VoiceModel::appendFrame(tracks[s], f, all);
    if (cancelled()) return result;
    const VoiceModel session = VoiceModel::train(all);

    // 2. First labels: with a profile, the frames the enrolled voice explains better than the
    // session as a whole does (voice 0 is then the therapist); without, two clusters of
    // one-second windows (voice 0 spoke first).
    std::vector<std::vector<int>> labels(tracks.size());
    if (profile && !session.empty()) {
        const auto llr = ratios(tracks, voiced, profile->model, session);
        for (std::size_t s = 0; s < tracks.size(); ++s) labels[s] = smoothedLabels(llr[s]);
    } else {
        labels = clusterWindows(tracks);
    }

    // 3. Refine: model each voice's own frames and relabel every frame by which model explains
    // the half second around it better.
    for (int round = 0; round < kRefineRounds; ++round) {
        if (cancelled()) return result;
        std::vector<float> frames0, frames1;
        for (const auto& [s, f] : voiced)
            if (labels[s][f] >= 0) VoiceModel::appendFrame(tracks[s], f, labels[s][f] == 0 ? frames0 : frames1);
        const VoiceModel m0 = VoiceModel::train(frames0);
        const VoiceModel m1 = VoiceModel::train(frames1);
        if (m0.empty() || m1.empty()) break;
        const auto llr = ratios(tracks, voiced, m0, m1);
        for (std::size_t s = 0; s < tracks.size(); ++s) labels[s] = smoothedLabels(llr[s]);
    }

    // 4. One voice or two, and which is the therapist.
    std::size_t count[2] = {0, 0};
    for (const auto& [s, f] : voiced)
        if (labels[s][f] >= 0) ++count[labels[s][f]];
    const double total = static_cast<double>(count[0] + count[1]);
    if (total == 0) return result;  // nothing clear enough to attribute: Naming::None
    out.oneVoice = static_cast<double>(std::min(count[0], count[1])) < kMinVoiceShare * total;
    bool roles = false;
    int therapist = 0;
    if (profile && !out.oneVoice) {
        const double s0 = meanScore(tracks, voiced, labels, 0, profile->model);
        const double s1 = meanScore(tracks, voiced, labels, 1, profile->model);
        if (std::fabs(s0 - s1) >= kProfileMargin) {
            roles = true;
            therapist = s0 >= s1 ? 0 : 1;
        } else {
            out.profileUnmatched = true;
        }
    }
    // Numbered voices: speaker_1 is whoever spoke first.
    int first = -1;
    for (std::size_t s = 0; s < tracks.size() && first < 0; ++s)
        for (const int l : labels[s])
            if (l >= 0) {
                first = l;
                break;
            }
    out.naming = roles ? DiarizationOutcome::Naming::Roles : DiarizationOutcome::Naming::Numbered;
    const auto nameOf = [&](int voice) -> std::string {
        if (out.oneVoice) return "speaker_1";
        if (roles) return voice == therapist ? "therapist" : "client";
        return voice == first ? "speaker_1" : "speaker_2";
    };

    // 5. Runs of one voice become turns.
    for (std::size_t s = 0; s < tracks.size(); ++s) {
        const auto& t = tracks[s];
        std::vector<int> label = labels[s];
        if (out.oneVoice)
            for (int& l : label) l = l >= 0 ? 0 : l;
        const auto msOf = [&](std::size_t frame) {
            return static_cast<std::int64_t>((t.beginSample + frame * VoiceTrack::kFrameSamples) / 16);
        };
        for (const auto& run : runsOf(label)) {
            SpeakerTurn turn{msOf(run.from), msOf(run.to), "unknown"};
            if (run.voice >= 0) {
                turn.speaker = nameOf(run.voice);
                ++out.labelled;
            } else {
                ++out.unknown;
            }
            result.turns.push_back(std::move(turn));
        }
    }
    return result;
}

DiarizationOutcome labelSegments(const Diarization& diarization, std::vector<notes::Segment>& segments)
{
    DiarizationOutcome out = diarization.outcome;
    out.labelled = 0;
    out.unknown = 0;
    if (out.naming == DiarizationOutcome::Naming::None) return out;
    for (auto& seg : segments) {
        if (seg.speaker != "unknown") continue;
        std::map<std::string, std::int64_t> overlap;
        std::int64_t total = 0;
        for (const auto& t : diarization.turns) {
            const std::int64_t o = std::min(seg.endMs, t.endMs) - std::max(seg.startMs, t.startMs);
            if (o <= 0) continue;
            overlap[t.speaker] += o;
            total += o;
        }
        const auto best = std::max_element(overlap.begin(), overlap.end(),
                                           [](const auto& x, const auto& y) { return x.second < y.second; });
        if (best != overlap.end() && best->first != "unknown" &&
            static_cast<double>(best->second) >= kSegmentShare * static_cast<double>(total)) {
            seg.speaker = best->first;
            ++out.labelled;
        } else {
            ++out.unknown;
        }
    }
    return out;
}

std::string describe(const DiarizationOutcome& outcome)
{
    using N = DiarizationOutcome::Naming;
    std::string text;
    const std::string unreadable =
        outcome.profileUnreadable ? " The enrolled voice could not be read; enrol it again (voice enroll)." : "";
    if (outcome.naming == N::None) return "Speakers were not told apart: no clear speech to compare." + unreadable;
    if (outcome.oneVoice) text = "Only one voice was heard; it is marked speaker_1.";
    else if (outcome.naming == N::Roles) text = "Therapist and client were told apart by the enrolled voice.";
    else if (outcome.profileUnmatched)
        text = "Two voices were heard but neither clearly matched the enrolled voice; they are marked speaker_1 and "
               "speaker_2.";
    else text = "Two voices were heard, marked speaker_1 (who spoke first) and speaker_2; say which is the therapist.";
    if (outcome.unknown > 0)
        text += " " + std::to_string(outcome.unknown) + (outcome.unknown == 1 ? " stretch was" : " stretches were") +
                " too unclear to attribute and stays unknown.";
    return text + unreadable;
}

}  // namespace noteward::core::speech
