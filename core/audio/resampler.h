#pragma once

#include <vector>

typedef struct SRC_STATE_tag SRC_STATE;

namespace noteward::core::audio {

// Streaming mono sample-rate conversion through libsamplerate, used only when the device's
// rate is not one Opus takes (e.g. 44.1 or 22.05 kHz).
class Resampler {
public:
    Resampler(int fromRate, int toRate);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Converts `in`, appending to `out`; `last` flushes what the filter holds back.
    void process(const float* in, std::size_t count, bool last, std::vector<float>& out);

private:
    SRC_STATE* m_state = nullptr;
    double m_ratio;
};

}  // namespace noteward::core::audio
