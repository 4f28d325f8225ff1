#include "app/recording_service.h"

#include "crypto/sha256.h"
#include "util/hex.h"
#include "vault/vault.h"

namespace noteward::core::app {

const std::string& RecordingService::consentWording()
{
    static const std::string wording =
        "The client has agreed that this session is recorded, that the recording stays encrypted on this device, "
        "and that it is used only to write the session note.";
    return wording;
}

std::string RecordingService::consentAuditAction()
{
    return "recording.consent_wording:" + toHex(crypto::sha256(asBytes(consentWording()))).substr(0, 16);
}

std::vector<audio::InputDevice> RecordingService::inputDevices()
{
    audio::PortAudioScope scope;
    if (!scope.ok()) return {};
    return audio::listInputDevices();
}

Result<std::unique_ptr<audio::Recorder>> RecordingService::start(const std::string& sessionId,
                                                                const std::string& device, bool consentConfirmed,
                                                                double maxSeconds)
{
    if (!consentConfirmed)
        return makeError(ErrorCode::InvalidInput,
                         "Recording needs the client's consent for this session; confirm it before recording.");
    if (m_vault.isLocked()) return vault::Vault::lockedError();
    if (auto audited = m_vault.recordAudit(consentAuditAction(), "session", sessionId); !audited) return audited.error();
    audio::RecorderOptions options;
    options.device = device;
    options.maxSeconds = maxSeconds;
    options.consentConfirmed = true;
    return audio::Recorder::start(m_vault, sessionId, options);
}

}  // namespace noteward::core::app
