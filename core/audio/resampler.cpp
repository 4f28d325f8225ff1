#include "audio/resampler.h"

#include <samplerate.h>

#include <stdexcept>
#include <string>

namespace noteward::core::audio {

Resampler::Resampler(int fromRate, int toRate) : m_ratio(static_cast<double>(toRate) / fromRate)
{
    int error = 0;
    // SRC_SINC_FASTEST: transparent for speech at a fraction of the best converter's cost.
    m_state = src_new(SRC_SINC_FASTEST, 1, &error);
    if (!m_state) throw std::runtime_error(std::string("libsamplerate: ") + src_strerror(error));
}

Resampler::~Resampler() { src_delete(m_state); }

void Resampler::process(const float* in, std::size_t count, bool last, std::vector<float>& out)
{
    SRC_DATA data{};
    data.src_ratio = m_ratio;
    data.end_of_input = last ? 1 : 0;
    std::size_t consumed = 0;
    do {
        const std::size_t room = static_cast<std::size_t>(static_cast<double>(count - consumed) * m_ratio) + 256;
        const std::size_t at = out.size();
        out.resize(at + room);
        data.data_in = in + consumed;
        data.input_frames = static_cast<long>(count - consumed);
        data.data_out = out.data() + at;
        data.output_frames = static_cast<long>(room);
        const int error = src_process(m_state, &data);
        if (error) throw std::runtime_error(std::string("libsamplerate: ") + src_strerror(error));
        out.resize(at + static_cast<std::size_t>(data.output_frames_gen));
        consumed += static_cast<std::size_t>(data.input_frames_used);
        if (data.input_frames_used == 0 && data.output_frames_gen == 0) break;
    } while (consumed < count || (last && data.output_frames_gen > 0));
}

}  // namespace noteward::core::audio
