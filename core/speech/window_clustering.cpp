#include "speech/window_clustering.h"

#include <algorithm>
#include <cmath>

namespace noteward::core::speech {

namespace {
// How much each kind of feature counts once scaled: pitch is the steadiest cue between two
// people, the cepstral spreads the noisiest.
constexpr double kMeanWeight = 1.0;
constexpr double kSpreadWeight = 0.5;
constexpr double kPitchWeight = 3.0;
constexpr double kMinMargin = 0.12;  // relative margin between the two distances to call a frame
constexpr int kIterations = 25;
constexpr std::size_t kWindowFrames = 100;
constexpr std::size_t kWindowHop = 50;

using Vec = std::vector<double>;

struct Window {
    std::size_t track;
    std::size_t from;
    Vec x;
};

struct Space {
    Vec scale;  // per dimension: the session's spread, so units do not decide
    double distance(const Vec& a, const Vec& b) const
    {
        double d = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const double w = i == VoiceFeatures::kPitch ? kPitchWeight
                             : i < VoiceFeatures::kCepstra ? kMeanWeight
                                                           : kSpreadWeight;
            const double z = (a[i] - b[i]) / scale[i];
            d += w * z * z;
        }
        return std::sqrt(d);
    }
};

Space spaceOf(const std::vector<Window>& windows)
{
    Space s;
    Vec mean(VoiceFeatures::kSize, 0);
    for (const auto& w : windows)
        for (std::size_t i = 0; i < mean.size(); ++i) mean[i] += w.x[i];
    for (auto& m : mean) m /= static_cast<double>(windows.size());
    s.scale.assign(VoiceFeatures::kSize, 0);
    for (const auto& w : windows)
        for (std::size_t i = 0; i < mean.size(); ++i) s.scale[i] += (w.x[i] - mean[i]) * (w.x[i] - mean[i]);
    for (auto& v : s.scale) v = std::max(std::sqrt(v / static_cast<double>(windows.size())), 1e-3);
    return s;
}

Vec centreOf(const std::vector<Window>& windows, const std::vector<int>& assignment, int cluster)
{
    Vec c(VoiceFeatures::kSize, 0);
    std::size_t n = 0;
    for (std::size_t k = 0; k < windows.size(); ++k) {
        if (assignment[k] != cluster) continue;
        ++n;
        for (std::size_t i = 0; i < c.size(); ++i) c[i] += windows[k].x[i];
    }
    if (n == 0) return {};
    for (auto& v : c) v /= static_cast<double>(n);
    return c;
}
}  // namespace

std::vector<std::vector<int>> clusterWindows(const std::vector<VoiceTrack>& tracks)
{
    std::vector<std::vector<int>> labels(tracks.size());
    for (std::size_t t = 0; t < tracks.size(); ++t) labels[t].assign(tracks[t].frames(), -1);
    std::vector<Window> windows;
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        const std::size_t n = tracks[t].frames();
        const std::size_t last = n > kWindowFrames ? n - kWindowFrames : 0;
        for (std::size_t from = 0;; from += kWindowHop) {
            from = std::min(from, last);
            auto f = VoiceFeatureExtractor::summarise(tracks[t], from, from + kWindowFrames);
            if (!f.empty()) windows.push_back({t, from, std::move(f.values)});
            if (from == last) break;
        }
    }
    if (windows.size() < 2) return labels;
    const Space space = spaceOf(windows);

    // Start from the window farthest from the first and the window farthest from that one.
    const auto farthestFrom = [&](const Vec& from) {
        std::size_t best = 0;
        double far = -1;
        for (std::size_t k = 0; k < windows.size(); ++k)
            if (const double d = space.distance(windows[k].x, from); d > far) far = d, best = k;
        return best;
    };
    Vec a = windows[farthestFrom(windows.front().x)].x;
    Vec b = windows[farthestFrom(a)].x;
    std::vector<int> assignment(windows.size(), 0);
    for (int iter = 0; iter < kIterations; ++iter) {
        bool changed = false;
        for (std::size_t k = 0; k < windows.size(); ++k) {
            const int c = space.distance(windows[k].x, a) <= space.distance(windows[k].x, b) ? 0 : 1;
            changed = changed || c != assignment[k];
            assignment[k] = c;
        }
        Vec na = centreOf(windows, assignment, 0);
        Vec nb = centreOf(windows, assignment, 1);
        if (na.empty() || nb.empty()) break;
        a = std::move(na);
        b = std::move(nb);
        if (!changed && iter > 0) break;
    }

    // Each frame: the windows over it vote, weighted by how clearly each is its cluster's.
    std::vector<std::vector<double>> vote(tracks.size()), weight(tracks.size());
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        vote[t].assign(tracks[t].frames(), 0.0);
        weight[t].assign(tracks[t].frames(), 0.0);
    }
    for (std::size_t k = 0; k < windows.size(); ++k) {
        const auto& w = windows[k];
        const double own = space.distance(w.x, assignment[k] == 0 ? a : b);
        const double other = space.distance(w.x, assignment[k] == 0 ? b : a);
        const double margin = (other - own) / (other + own + 1e-12);
        for (std::size_t f = w.from; f < std::min(tracks[w.track].frames(), w.from + kWindowFrames); ++f) {
            vote[w.track][f] += (assignment[k] == 0 ? 1.0 : -1.0) * margin;
            weight[w.track][f] += 1.0;
        }
    }
    for (std::size_t t = 0; t < tracks.size(); ++t)
        for (std::size_t f = 0; f < tracks[t].frames(); ++f)
            if (weight[t][f] > 0 && std::fabs(vote[t][f]) / weight[t][f] >= kMinMargin)
                labels[t][f] = vote[t][f] > 0 ? 0 : 1;
    return labels;
}

}  // namespace noteward::core::speech
