// voice enroll | voice status | voice forget: the therapist's enrolled voice, which tells
// therapist from client in every later transcription. Only a model of the voice is kept, in
// the vault; the reading itself is never written anywhere.
#include "context.h"

#include "app/voice_service.h"
#include "speech/speech_audio.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace noteward::cli {

int runVoiceEnroll(Context& ctx)
{
    const auto wav = ctx.args().option("--wav");
    const auto secondsText = ctx.args().option("--seconds");
    if (wav && secondsText) throw UsageError("give --seconds (to read aloud now) or --wav, not both");
    double seconds = core::app::VoiceService::kEnrollmentSeconds;
    if (secondsText) {
        try {
            std::size_t used = 0;
            seconds = std::stod(*secondsText, &used);
            if (used != secondsText->size() || !(seconds >= 10 && seconds <= 120)) throw std::invalid_argument("range");
        } catch (const std::exception&) {
            throw UsageError("--seconds must be a number from 10 to 120");
        }
    }
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    core::Result<core::speech::SpeechAudio> reading = core::makeError(core::ErrorCode::Internal, "");
    if (wav) {
        reading = core::speech::speechAudioFromWav(*wav);
    } else {
        ctx.err() << "Read this aloud at your usual pace, in the room you work in, for " << static_cast<int>(seconds)
                  << " seconds:\n\n  " << core::app::VoiceService::readingPassage() << "\n\n";
        reading = core::app::VoiceService::captureReading(
            ctx.args().option("--device").value_or(""), seconds, [&ctx, last = -1](double fraction, float) mutable {
                const int tenth = static_cast<int>(fraction * 10);
                if (tenth != last) ctx.err() << "recorded " << tenth * 10 << " %" << std::endl;
                last = tenth;
            });
    }
    if (!reading) return ctx.fail(reading.error());
    auto profile = core::app::VoiceService(*vault.value()).enroll(reading.value());
    std::fill(reading->samples.begin(), reading->samples.end(), 0.0f);  // the reading is not kept
    if (!profile) return ctx.fail(profile.error());
    std::ostringstream text;
    text << std::fixed << std::setprecision(0) << profile->speechSeconds;
    if (ctx.json()) ctx.printJson({{"enrolled", true}, {"voiced_seconds", profile->speechSeconds}});
    else ctx.info("Your voice is enrolled (" + text.str() + " s of voiced speech). Transcriptions now label therapist and client.");
    return kExitOk;
}

int runVoiceStatus(Context& ctx)
{
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto profile = core::app::VoiceService(*vault.value()).profile();
    if (!profile) return ctx.fail(profile.error());
    const bool enrolled = profile.value().has_value();
    if (ctx.json()) {
        ctx.printJson({{"enrolled", enrolled}, {"voiced_seconds", enrolled ? profile.value()->speechSeconds : 0.0}});
        return kExitOk;
    }
    ctx.out() << (enrolled ? "A voice is enrolled: therapist and client are labelled by it.\n"
                           : "No voice is enrolled: the two voices are labelled speaker_1 and speaker_2.\n");
    return kExitOk;
}

int runVoiceForget(Context& ctx)
{
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto removed = core::app::VoiceService(*vault.value()).forget();
    if (!removed) return ctx.fail(removed.error());
    ctx.info(removed.value() ? "The enrolled voice was deleted." : "No voice was enrolled.");
    return kExitOk;
}

}  // namespace noteward::cli
