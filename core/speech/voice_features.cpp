#include "speech/voice_features.h"

#include <fe.h>
#include <err.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace noteward::core::speech {

namespace {
constexpr std::size_t kCeps = VoiceTrack::kCeps;
constexpr double kLoudShare = 0.4;  // frames below this quantile of c0 are pauses and breath
constexpr double kFrameSeconds = 0.01;
constexpr std::size_t kMinFrames = 15;  // 0.15 s
constexpr std::size_t kMinPitchFrames = 4;
// Pitch: 8 kHz after halving, 40 ms windows every 20 ms, 60-400 Hz.
constexpr std::size_t kPitchWindow = 320;
constexpr std::size_t kPitchHop = 160;
constexpr std::size_t kMinLag = 20;
constexpr std::size_t kMaxLag = 133;
constexpr double kVoicedCorrelation = 0.6;

double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0;
    const auto k = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

// log2 F0 of one 40 ms window at 8 kHz, or NaN when it is not clearly voiced.
float pitchOf(const double* x)
{
    double energy = 0;
    for (std::size_t i = 0; i < kPitchWindow; ++i) energy += x[i] * x[i];
    if (energy / kPitchWindow < 1e-6) return std::numeric_limits<float>::quiet_NaN();  // below about -60 dBFS
    std::array<double, kMaxLag + 2> r{};
    double best = 0;
    for (std::size_t lag = kMinLag; lag <= kMaxLag; ++lag) {
        double xy = 0, yy = 0;
        for (std::size_t i = 0; i < kPitchWindow; ++i) {
            xy += x[i] * x[i + lag];
            yy += x[i + lag] * x[i + lag];
        }
        r[lag] = yy > 0 ? xy / std::sqrt(energy * yy) : 0;
        best = std::max(best, r[lag]);
    }
    if (best < kVoicedCorrelation) return std::numeric_limits<float>::quiet_NaN();
    // The shortest lag nearly as strong as the best, at a local peak: avoids half the pitch.
    for (std::size_t lag = kMinLag; lag <= kMaxLag; ++lag)
        if (r[lag] >= 0.9 * best && r[lag] >= r[lag + 1]) return static_cast<float>(std::log2(8000.0 / static_cast<double>(lag)));
    return std::numeric_limits<float>::quiet_NaN();
}
}  // namespace

struct VoiceFeatureExtractor::FrontEnd {
    fe_t* fe = nullptr;
    ~FrontEnd()
    {
        if (fe) fe_free(fe);
    }
};

VoiceFeatureExtractor::VoiceFeatureExtractor() : m_fe(std::make_unique<FrontEnd>())
{
    // sphinxbase logs every parameter at INFO; the transcriber silences it the same way.
    err_set_logfp(nullptr);
    cmd_ln_t* config = cmd_ln_init(nullptr, fe_get_args(), TRUE, "-samprate", "16000", "-dither", "no", "-remove_dc",
                                   "yes", nullptr);
    if (!config) return;
    m_fe->fe = fe_init_auto_r(config);
    cmd_ln_free_r(config);  // the front end keeps its own reference
}

VoiceFeatureExtractor::~VoiceFeatureExtractor() = default;

bool VoiceFeatureExtractor::ok() const { return m_fe->fe != nullptr; }

VoiceTrack VoiceFeatureExtractor::track(const std::vector<float>& samples, std::size_t begin, std::size_t end)
{
    VoiceTrack out;
    out.beginSample = begin;
    end = std::min(end, samples.size());
    if (!ok() || end <= begin) return out;
    std::vector<std::int16_t> pcm(end - begin);
    for (std::size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = static_cast<std::int16_t>(std::lround(std::clamp(samples[begin + i], -1.0f, 1.0f) * 32767.0f));

    fe_start_utt(m_fe->fe);
    const std::int16_t* in = pcm.data();
    std::size_t left = pcm.size();
    std::int32_t capacity = 0;
    fe_process_frames(m_fe->fe, &in, &left, nullptr, &capacity, nullptr);  // sizing only
    std::vector<mfcc_t> block((static_cast<std::size_t>(capacity) + 1) * kCeps);
    std::vector<mfcc_t*> rows(static_cast<std::size_t>(capacity) + 1);
    for (std::size_t r = 0; r < rows.size(); ++r) rows[r] = block.data() + r * kCeps;
    std::int32_t produced = capacity;
    in = pcm.data();
    left = pcm.size();
    fe_process_frames(m_fe->fe, &in, &left, rows.data(), &produced, nullptr);
    std::int32_t last = 0;
    fe_end_utt(m_fe->fe, rows[static_cast<std::size_t>(std::max(produced, 0))], &last);
    const std::size_t count =
        std::min(rows.size(), static_cast<std::size_t>(std::max(produced, 0) + std::max(last, 0)));
    out.cepstra.resize(count);
    for (std::size_t r = 0; r < count; ++r)
        for (std::size_t c = 0; c < kCeps; ++c) out.cepstra[r][c] = MFCC2FLOAT(rows[r][c]);

    // Pitch at 8 kHz (pairs averaged: enough low-pass for 60-400 Hz voices), every 20 ms,
    // given to the two 10 ms frames at the window's centre.
    out.log2Pitch.assign(count, std::numeric_limits<float>::quiet_NaN());
    std::vector<double> half((end - begin) / 2);
    for (std::size_t i = 0; i < half.size(); ++i)
        half[i] = 0.5 * (static_cast<double>(samples[begin + 2 * i]) + samples[begin + 2 * i + 1]);
    for (std::size_t at = 0; at + kPitchWindow + kMaxLag + 1 < half.size(); at += kPitchHop) {
        const float f0 = pitchOf(half.data() + at);
        const std::size_t frame = (at * 2 + kPitchWindow) / VoiceTrack::kFrameSamples;  // centre, in 10 ms frames
        for (std::size_t f = frame; f < frame + 2 && f < count; ++f) out.log2Pitch[f] = f0;
    }
    return out;
}

VoiceFeatures VoiceFeatureExtractor::summarise(const VoiceTrack& track, std::size_t from, std::size_t to)
{
    VoiceFeatures out;
    to = std::min(to, track.frames());
    if (to <= from || to - from < kMinFrames) return out;
    std::vector<double> c0, pitch;
    for (std::size_t f = from; f < to; ++f) {
        c0.push_back(track.cepstra[f][0]);
        if (!std::isnan(track.log2Pitch[f])) pitch.push_back(track.log2Pitch[f]);
    }
    if (pitch.size() < kMinPitchFrames) return out;
    const double loud = quantile(c0, kLoudShare);
    std::array<double, kCeps> sum{}, sumSq{};
    std::size_t used = 0;
    for (std::size_t f = from; f < to; ++f) {
        const auto& row = track.cepstra[f];
        if (row[0] < loud) continue;
        ++used;
        for (std::size_t c = 1; c < kCeps; ++c) {
            sum[c] += row[c];
            sumSq[c] += static_cast<double>(row[c]) * row[c];
        }
    }
    if (used == 0) return out;
    out.values.resize(VoiceFeatures::kSize);
    for (std::size_t c = 1; c < kCeps; ++c) {
        const double mean = sum[c] / static_cast<double>(used);
        out.values[c - 1] = mean;
        out.values[VoiceFeatures::kCepstra + c - 1] =
            std::sqrt(std::max(0.0, sumSq[c] / static_cast<double>(used) - mean * mean));
    }
    out.values[VoiceFeatures::kPitch] = quantile(pitch, 0.5);
    out.voicedSeconds = static_cast<double>(used) * kFrameSeconds;
    return out;
}

VoiceFeatures VoiceFeatureExtractor::extract(const std::vector<float>& samples, std::size_t begin, std::size_t end)
{
    const auto t = track(samples, begin, end);
    return summarise(t, 0, t.frames());
}

VoiceFeatures VoiceFeatureExtractor::extract(const std::vector<float>& samples,
                                             const std::vector<std::pair<std::size_t, std::size_t>>& spans)
{
    VoiceTrack pooled;
    for (const auto& [b, e] : spans) {
        auto t = track(samples, b, e);
        pooled.cepstra.insert(pooled.cepstra.end(), t.cepstra.begin(), t.cepstra.end());
        pooled.log2Pitch.insert(pooled.log2Pitch.end(), t.log2Pitch.begin(), t.log2Pitch.end());
    }
    return summarise(pooled, 0, pooled.frames());
}

}  // namespace noteward::core::speech
