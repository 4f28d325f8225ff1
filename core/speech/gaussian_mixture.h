#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace noteward::core::speech {

// A mixture of Gaussians with diagonal covariances over fixed-length feature vectors, trained
// by EM from a deterministic start (the whole set's mean, split in two until there are enough
// components), so the same frames always give the same model. Used to model one voice.
class GaussianMixture {
public:
    static constexpr std::size_t kMaxComponents = 64;
    // `frames`: rows of `dims` numbers, one after another. Fewer frames than components
    // (times a few) gives fewer components.
    static GaussianMixture train(const std::vector<float>& frames, std::size_t dims, std::size_t components,
                                 int iterations = 6);

    bool empty() const { return m_weights.empty(); }
    std::size_t dims() const { return m_dims; }

    nlohmann::json toJson() const;
    // nullopt when the JSON is not a well-formed mixture of `dims` dimensions.
    static std::optional<GaussianMixture> fromJson(const nlohmann::json& json, std::size_t dims);
    double logLikelihood(const float* x) const;

private:
    void em(const std::vector<float>& frames, int iterations);
    void precompute();
    // Each component's log weight × density at x into out[]; returns the largest.
    double componentLogs(const float* x, double* out) const;

    std::size_t m_dims = 0;
    std::vector<double> m_weights;
    std::vector<double> m_means;      // components × dims
    std::vector<double> m_variances;  // components × dims
    std::vector<double> m_constants;  // log weight − ½ Σ log(2π σ²), per component
};

}  // namespace noteward::core::speech
