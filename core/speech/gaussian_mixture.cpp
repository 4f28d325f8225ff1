#include "speech/gaussian_mixture.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace noteward::core::speech {

namespace {
constexpr double kVarianceFloor = 1e-3;
constexpr std::size_t kFramesPerComponent = 20;
}  // namespace

GaussianMixture GaussianMixture::train(const std::vector<float>& frames, std::size_t dims, std::size_t components,
                                       int iterations)
{
    components = std::min(components, kMaxComponents);
    GaussianMixture g;
    g.m_dims = dims;
    const std::size_t n = dims ? frames.size() / dims : 0;
    if (n < kFramesPerComponent) return g;
    // One component: the mean and spread of everything.
    g.m_weights = {1.0};
    g.m_means.assign(dims, 0.0);
    g.m_variances.assign(dims, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t d = 0; d < dims; ++d) g.m_means[d] += frames[i * dims + d];
    for (auto& m : g.m_means) m /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t d = 0; d < dims; ++d) {
            const double z = frames[i * dims + d] - g.m_means[d];
            g.m_variances[d] += z * z;
        }
    for (auto& v : g.m_variances) v = std::max(kVarianceFloor, v / static_cast<double>(n));
    // Split every component along its spread until there are enough (or too few frames for more).
    while (g.m_weights.size() * 2 <= components && n >= g.m_weights.size() * 2 * kFramesPerComponent) {
        const std::size_t k = g.m_weights.size();
        std::vector<double> means, variances, weights;
        for (std::size_t c = 0; c < k; ++c)
            for (const double sign : {-1.0, 1.0}) {
                for (std::size_t d = 0; d < dims; ++d) {
                    means.push_back(g.m_means[c * dims + d] + sign * 0.2 * std::sqrt(g.m_variances[c * dims + d]));
                    variances.push_back(g.m_variances[c * dims + d]);
                }
                weights.push_back(g.m_weights[c] / 2);
            }
        g.m_means = std::move(means);
        g.m_variances = std::move(variances);
        g.m_weights = std::move(weights);
        g.precompute();
        g.em(frames, iterations);
    }
    g.precompute();
    return g;
}

void GaussianMixture::precompute()
{
    const std::size_t k = m_weights.size();
    m_constants.assign(k, 0.0);
    for (std::size_t c = 0; c < k; ++c) {
        double sum = std::log(std::max(m_weights[c], 1e-12));
        for (std::size_t d = 0; d < m_dims; ++d) sum -= 0.5 * std::log(2 * std::numbers::pi * m_variances[c * m_dims + d]);
        m_constants[c] = sum;
    }
}

void GaussianMixture::em(const std::vector<float>& frames, int iterations)
{
    const std::size_t n = frames.size() / m_dims;
    const std::size_t k = m_weights.size();
    std::vector<double> post(k);
    for (int it = 0; it < iterations; ++it) {
        std::vector<double> sw(k, 0.0), sx(k * m_dims, 0.0), sxx(k * m_dims, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const float* x = frames.data() + i * m_dims;
            const double best = componentLogs(x, post.data());
            double total = 0;
            for (auto& p : post) total += (p = std::exp(p - best));
            for (std::size_t c = 0; c < k; ++c) {
                const double w = post[c] / total;
                sw[c] += w;
                for (std::size_t d = 0; d < m_dims; ++d) {
                    sx[c * m_dims + d] += w * x[d];
                    sxx[c * m_dims + d] += w * x[d] * x[d];
                }
            }
        }
        for (std::size_t c = 0; c < k; ++c) {
            if (sw[c] < 1e-6) continue;  // an empty component keeps its old place
            m_weights[c] = sw[c] / static_cast<double>(n);
            for (std::size_t d = 0; d < m_dims; ++d) {
                const double mean = sx[c * m_dims + d] / sw[c];
                m_means[c * m_dims + d] = mean;
                m_variances[c * m_dims + d] = std::max(kVarianceFloor, sxx[c * m_dims + d] / sw[c] - mean * mean);
            }
        }
        // An empty component kept its old weight: the weights are a distribution again.
        double sum = 0;
        for (const double w : m_weights) sum += w;
        for (auto& w : m_weights) w /= sum;
        precompute();
    }
}

nlohmann::json GaussianMixture::toJson() const
{
    return {{"weights", m_weights}, {"means", m_means}, {"variances", m_variances}};
}

std::optional<GaussianMixture> GaussianMixture::fromJson(const nlohmann::json& json, std::size_t dims)
{
    const auto numbers = [](const nlohmann::json& j, std::vector<double>& out) {
        if (!j.is_array()) return false;
        for (const auto& v : j) {
            if (!v.is_number()) return false;
            const double d = v.get<double>();
            if (!std::isfinite(d)) return false;
            out.push_back(d);
        }
        return true;
    };
    if (!json.is_object() || dims == 0) return std::nullopt;
    GaussianMixture g;
    g.m_dims = dims;
    if (!numbers(json.value("weights", nlohmann::json()), g.m_weights) ||
        !numbers(json.value("means", nlohmann::json()), g.m_means) ||
        !numbers(json.value("variances", nlohmann::json()), g.m_variances))
        return std::nullopt;
    const std::size_t k = g.m_weights.size();
    if (k == 0 || k > kMaxComponents || g.m_means.size() != k * dims || g.m_variances.size() != k * dims) return std::nullopt;
    // What EM can produce: variances above its floor and weights that sum to one. Anything
    // else (an edited or damaged profile) would give infinite or meaningless likelihoods.
    for (const double v : g.m_variances)
        if (v < kVarianceFloor * (1 - 1e-9)) return std::nullopt;
    double sum = 0;
    for (const double w : g.m_weights) {
        if (!(w > 0 && w <= 1)) return std::nullopt;
        sum += w;
    }
    if (std::fabs(sum - 1.0) > 1e-3) return std::nullopt;
    g.precompute();
    return g;
}

double GaussianMixture::componentLogs(const float* x, double* out) const
{
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < m_weights.size(); ++c) {
        double l = m_constants[c];
        for (std::size_t d = 0; d < m_dims; ++d) {
            const double z = x[d] - m_means[c * m_dims + d];
            l -= 0.5 * z * z / m_variances[c * m_dims + d];
        }
        out[c] = l;
        best = std::max(best, l);
    }
    return best;
}

double GaussianMixture::logLikelihood(const float* x) const
{
    double terms[kMaxComponents];
    const std::size_t k = m_weights.size();
    const double best = componentLogs(x, terms);
    double total = 0;
    for (std::size_t c = 0; c < k; ++c) total += std::exp(terms[c] - best);
    return best + std::log(total);
}

}  // namespace noteward::core::speech
