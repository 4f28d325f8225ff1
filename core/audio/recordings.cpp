#include "audio/recordings.h"

#include "audio/recording_reader.h"
#include "audio/recording_writer.h"
#include "audio/wav_file.h"
#include "audit/audit_log.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/guarded.h"
#include "vault/vault.h"
#include "vault/vault_folder.h"

#include <algorithm>
#include <cmath>

namespace noteward::core::audio {

namespace {
RecordingSummary summaryOf(const vault::RecordingRow& row)
{
    return {row.id, row.sampleRate, row.frames, row.status, row.droppedFrames};
}


void putLe(Bytes& out, std::uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
}  // namespace

Result<RecordingSummary> Recordings::importWav(const std::string& sessionId, const std::filesystem::path& wav)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto session = m_vault.sessions().get(sessionId);
    if (!session) return session.error();
    auto audio = readWav(wav);
    if (!audio) return audio.error();
    auto writer = RecordingWriter::begin(m_vault.database(), {m_vault.user().id, sessionId, "import"}, audio->sampleRate);
    if (!writer) return writer.error();
    const std::vector<float> mono = audio->mono();
    constexpr std::size_t kBlock = 16000;
    for (std::size_t at = 0; at < mono.size(); at += kBlock)
        if (auto r = writer.value()->write(mono.data() + at, std::min(kBlock, mono.size() - at)); !r) return r.error();
    if (auto r = writer.value()->finish(); !r) return r.error();
    (void)m_vault.recordAudit("recording.imported", "recording", writer.value()->recordingId());
    return vault::guarded([&]() -> Result<RecordingSummary> {
        return summaryOf(*vault::RecordingStore(m_vault.database()).get(writer.value()->recordingId()));
    });
}

Result<RecordingSummary> Recordings::latest(const std::string& sessionId)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<RecordingSummary> {
        auto row = vault::RecordingStore(m_vault.database()).latestForSession(sessionId);
        if (!row) return makeError(ErrorCode::NotFound, "This session has no recording.");
        return summaryOf(*row);
    });
}

Result<RecordingSummary> Recordings::exportWav(const std::string& sessionId, const std::filesystem::path& out)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    // Plain audio never lands in the vault folder (nor over vault.db or vault.key).
    if (auto outside = vault::checkOutsideVault(out, m_vault.directory()); !outside) return outside.error();
    auto reader = RecordingReader::open(m_vault.database(), m_vault.user().id, sessionId);
    if (!reader) return reader.error();
    auto& r = *reader.value();

    // Decode everything first: a damaged chunk must fail the export before a file appears.
    std::vector<std::int16_t> pcm;
    pcm.reserve(static_cast<std::size_t>(r.frames()));
    for (std::size_t i = 0; i < r.chunkCount(); ++i) {
        auto samples = r.decodeChunk(i);
        if (!samples) return samples.error();
        for (float s : samples.value())
            pcm.push_back(static_cast<std::int16_t>(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f)));
    }
    Bytes header;
    const auto dataBytes = static_cast<std::uint32_t>(pcm.size() * 2);
    const auto rate = static_cast<std::uint32_t>(r.sampleRate());
    for (char c : std::string("RIFF")) header.push_back(static_cast<std::uint8_t>(c));
    putLe(header, 36 + dataBytes, 4);
    for (char c : std::string("WAVEfmt ")) header.push_back(static_cast<std::uint8_t>(c));
    putLe(header, 16, 4);
    putLe(header, 1, 2);
    putLe(header, 1, 2);
    putLe(header, rate, 4);
    putLe(header, rate * 2, 4);
    putLe(header, 2, 2);
    putLe(header, 16, 2);
    for (char c : std::string("data")) header.push_back(static_cast<std::uint8_t>(c));
    putLe(header, dataBytes, 4);

    vault::DurableFileWriter file(out);
    if (auto x = file.open(); !x) return x.error();
    if (auto x = file.write(header); !x) return x.error();
    if (auto x = file.write(ByteView(reinterpret_cast<const std::uint8_t*>(pcm.data()), pcm.size() * 2)); !x)
        return x.error();
    if (auto x = file.commit(); !x) return x.error();
    (void)m_vault.recordAudit("recording.exported", "recording", r.info().id);
    return summaryOf(r.info());
}

}  // namespace noteward::core::audio
