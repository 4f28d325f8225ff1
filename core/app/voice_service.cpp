#include "app/voice_service.h"

#include "audio/memory_capture.h"
#include "speech/speech_audio.h"
#include "vault/vault.h"
#include "vault/voice_profile_repository.h"

#include <algorithm>

namespace noteward::core::app {

Result<speech::SpeechAudio> VoiceService::captureReading(const std::string& device, double seconds,
                                                         const std::function<void(double, float)>& progress,
                                                         const std::atomic<bool>* cancel)
{
    auto captured = audio::captureToMemory(device, seconds, progress, cancel);
    if (!captured) return captured.error();
    auto reading = speech::toSpeechAudio(captured->mono, captured->sampleRate);
    // The therapist's voice is biometric: the raw capture is not left in freed memory
    // (best effort; the resampled copy is the caller's to clear after enrolling).
    std::fill(captured->mono.begin(), captured->mono.end(), 0.0f);
    return reading;
}

const char* VoiceService::readingPassage()
{
    return "Each week I meet people who want to change how they feel, and we work together on what they "
           "notice. We look at thoughts, feelings and behaviour, and we plan small experiments between "
           "sessions. Some weeks are harder than others, and that is part of the work. I write a short note "
           "after every meeting, I check it carefully, and I sign it before it is stored.";
}

Result<speech::VoiceProfile> VoiceService::enroll(const speech::SpeechAudio& reading)
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto profile = speech::enrollVoice(reading);
    if (!profile) return profile.error();
    if (auto stored = vault::VoiceProfileRepository(m_vault.database()).set(m_vault.user().id, profile->toJson().dump());
        !stored)
        return stored.error();
    (void)m_vault.recordAudit("voice.enrolled", "user", m_vault.user().id);
    return profile;
}

Result<std::optional<speech::VoiceProfile>> VoiceService::profile()
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto stored = vault::VoiceProfileRepository(m_vault.database()).get(m_vault.user().id);
    if (!stored) return stored.error();
    if (!stored.value()) return std::optional<speech::VoiceProfile>();
    const auto json = nlohmann::json::parse(*stored.value(), nullptr, false);
    auto profile = speech::VoiceProfile::fromJson(json);
    if (!profile) return profile.error();
    return std::optional<speech::VoiceProfile>(std::move(profile.value()));
}

Result<bool> VoiceService::forget()
{
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    auto removed = vault::VoiceProfileRepository(m_vault.database()).remove(m_vault.user().id);
    if (!removed) return removed.error();
    if (removed.value()) (void)m_vault.recordAudit("voice.forgotten", "user", m_vault.user().id);
    return removed;
}

}  // namespace noteward::core::app
