#include "audio/wav_file.h"

#include "vault/file_io.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

namespace noteward::core::audio {

namespace {
constexpr std::uintmax_t kMaxWavBytes = 4ull * 1024 * 1024 * 1024;

std::uint32_t le32(const std::uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24); }
std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

Error notWav(const std::filesystem::path& file, const std::string& why)
{
    return makeError(ErrorCode::InvalidInput, file.filename().string() + " is not a WAV file Noteward can read: " + why + ".");
}

void put16(std::vector<std::uint8_t>& out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
}  // namespace

std::vector<float> PcmAudio::mono() const
{
    std::vector<float> out(frames());
    const auto n = static_cast<std::size_t>(channels);
    for (std::size_t f = 0; f < out.size(); ++f) {
        float sum = 0;
        for (std::size_t c = 0; c < n; ++c) sum += samples[f * n + c];
        out[f] = sum / static_cast<float>(n);
    }
    return out;
}

Result<PcmAudio> readWav(const std::filesystem::path& file)
{
    auto bytes = vault::readWholeFile(file, kMaxWavBytes);
    if (!bytes) return bytes.error();
    const auto& b = bytes.value();
    if (b.size() < 12 || std::memcmp(b.data(), "RIFF", 4) != 0 || std::memcmp(b.data() + 8, "WAVE", 4) != 0)
        return notWav(file, "it has no RIFF/WAVE header");
    std::uint16_t format = 0, channels = 0, bits = 0;
    std::uint32_t rate = 0;
    const std::uint8_t* data = nullptr;
    std::size_t dataSize = 0;
    for (std::size_t at = 12; at + 8 <= b.size();) {
        const std::uint32_t size = le32(&b[at + 4]);
        const std::size_t body = at + 8;
        if (body + size > b.size() && std::memcmp(&b[at], "data", 4) != 0) return notWav(file, "it is truncated");
        if (std::memcmp(&b[at], "fmt ", 4) == 0 && size >= 16) {
            format = le16(&b[body]);
            channels = le16(&b[body + 2]);
            rate = le32(&b[body + 4]);
            bits = le16(&b[body + 14]);
            if (format == 0xFFFE && size >= 40) format = le16(&b[body + 24]);  // WAVE_FORMAT_EXTENSIBLE
        } else if (std::memcmp(&b[at], "data", 4) == 0) {
            data = &b[body];
            dataSize = std::min<std::size_t>(size, b.size() - body);  // tolerate a short last chunk
            break;
        }
        at = body + size + (size & 1);
    }
    if (format == 0) return notWav(file, "it has no format chunk");
    if (!data) return notWav(file, "it has no audio data");
    if (channels < 1 || channels > 2) return notWav(file, std::to_string(channels) + " channels (mono or stereo only)");
    if (rate < 8000 || rate > 192000) return notWav(file, "a sample rate of " + std::to_string(rate) + " Hz");
    const bool isFloat = format == 3 && bits == 32;
    if (!(format == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) && !isFloat)
        return notWav(file, "encoding " + std::to_string(format) + " at " + std::to_string(bits) + " bits");

    PcmAudio audio;
    audio.sampleRate = static_cast<int>(rate);
    audio.channels = channels;
    const std::size_t width = bits / 8u;
    const std::size_t count = dataSize / width;
    audio.samples.resize(count - count % channels);
    for (std::size_t i = 0; i < audio.samples.size(); ++i) {
        const std::uint8_t* p = data + i * width;
        float v = 0;
        if (isFloat) {
            std::memcpy(&v, p, 4);
        } else if (bits == 8) {
            v = (static_cast<float>(p[0]) - 128.0f) / 128.0f;
        } else if (bits == 16) {
            v = static_cast<float>(static_cast<std::int16_t>(le16(p))) / 32768.0f;
        } else if (bits == 24) {
            const std::int32_t s = static_cast<std::int32_t>((p[0] << 8) | (p[1] << 16) | (std::uint32_t(p[2]) << 24)) >> 8;
            v = static_cast<float>(s) / 8388608.0f;
        } else {
            v = static_cast<float>(static_cast<double>(static_cast<std::int32_t>(le32(p))) / 2147483648.0);
        }
        audio.samples[i] = std::isfinite(v) ? std::clamp(v, -1.0f, 1.0f) : 0.0f;
    }
    return audio;
}

Result<void> writeWavMono16(const std::filesystem::path& file, int sampleRate, const std::vector<float>& samples)
{
    std::vector<std::uint8_t> out;
    out.reserve(44 + samples.size() * 2);
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    out.insert(out.end(), {'R', 'I', 'F', 'F'});
    put32(out, 36 + dataBytes);
    out.insert(out.end(), {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
    put32(out, 16);
    put16(out, 1);
    put16(out, 1);
    put32(out, static_cast<std::uint32_t>(sampleRate));
    put32(out, static_cast<std::uint32_t>(sampleRate) * 2);
    put16(out, 2);
    put16(out, 16);
    out.insert(out.end(), {'d', 'a', 't', 'a'});
    put32(out, dataBytes);
    for (float s : samples) {
        const auto v = static_cast<std::int16_t>(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f));
        put16(out, static_cast<std::uint16_t>(v));
    }
    return vault::writeFileAtomically(file, out);
}

}  // namespace noteward::core::audio
