#pragma once

#include "audio/audio_devices.h"
#include "audio/recorder.h"
#include "util/result.h"

#include <memory>
#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::app {

// Starting a recording as both front ends do: the consent the therapist confirms, in the
// words they were shown, goes into the audit log first (as a fingerprint of the wording, so
// the log keeps ids and hashes only), then capture starts on its own connection and keeps
// going if the vault is locked meanwhile.
class RecordingService {
public:
    explicit RecordingService(vault::Vault& vault) : m_vault(vault) {}

    // The sentence the therapist confirms before recording.
    static const std::string& consentWording();
    // "recording.consent_wording:<first 16 hex digits of SHA-256 of the wording>".
    static std::string consentAuditAction();

    // Every input PortAudio offers (it is initialised for the scan).
    static std::vector<audio::InputDevice> inputDevices();

    Result<std::unique_ptr<audio::Recorder>> start(const std::string& sessionId, const std::string& device,
                                                   bool consentConfirmed, double maxSeconds = 0);

private:
    vault::Vault& m_vault;
};

}  // namespace noteward::core::app
