#include "speech/voice_activity.h"

#include <algorithm>
#include <cmath>

namespace noteward::core::speech {

namespace {
constexpr std::size_t kFrame = 480;               // 30 ms at 16 kHz
constexpr std::size_t kBridge = 350 * 16;         // pauses shorter than this stay inside a region
constexpr std::size_t kPad = 100 * 16;
constexpr std::size_t kMinSpeech = 200 * 16;
constexpr std::size_t kMaxRegion = 20 * 16000;
constexpr double kAbsoluteFloor = 0.003;          // about -50 dBFS: below this nothing is speech
}  // namespace

double rmsOf(const std::vector<float>& samples, std::size_t begin, std::size_t end)
{
    end = std::min(end, samples.size());
    if (end <= begin) return 0;
    double e = 0;
    for (std::size_t i = begin; i < end; ++i) e += static_cast<double>(samples[i]) * samples[i];
    return std::sqrt(e / static_cast<double>(end - begin));
}

std::vector<SpeechRegion> detectSpeech(const std::vector<float>& samples)
{
    const std::size_t frames = samples.size() / kFrame;
    std::vector<double> energy(frames);
    for (std::size_t f = 0; f < frames; ++f) energy[f] = rmsOf(samples, f * kFrame, (f + 1) * kFrame);
    if (frames == 0) return {};
    // Noise floor: the 10th percentile of frame energy; speech is well above it.
    std::vector<double> sorted = energy;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(frames / 10), sorted.end());
    const double floor = sorted[frames / 10];
    const double threshold = std::max(kAbsoluteFloor, floor * 3.0);

    std::vector<SpeechRegion> raw;
    for (std::size_t f = 0; f < frames; ++f) {
        if (energy[f] < threshold) continue;
        const std::size_t begin = f * kFrame;
        const std::size_t end = (f + 1) * kFrame;
        if (!raw.empty() && begin - raw.back().end <= kBridge) raw.back().end = end;
        else raw.push_back({begin, end});
    }
    std::vector<SpeechRegion> out;
    for (auto r : raw) {
        if (r.end - r.begin < kMinSpeech) continue;
        r.begin = r.begin > kPad ? r.begin - kPad : 0;
        r.end = std::min(samples.size(), r.end + kPad);
        // Long stretches are cut at their quietest 30 ms, so segments stay short enough to cite.
        while (r.end - r.begin > kMaxRegion) {
            std::size_t cut = r.begin + kMaxRegion / 2;
            double quietest = 1e9;
            for (std::size_t at = r.begin + kMaxRegion / 2; at + kFrame < r.begin + kMaxRegion; at += kFrame) {
                const double e = rmsOf(samples, at, at + kFrame);
                if (e < quietest) quietest = e, cut = at + kFrame / 2;
            }
            out.push_back({r.begin, cut});
            r.begin = cut;
        }
        out.push_back(r);
    }
    return out;
}

}  // namespace noteward::core::speech
