// transcribe (--wav needs no vault; --session stores the transcript, encrypted) and bench speech.
#include "app/review_service.h"
#include "context.h"

#include "util/subprocess.h"
#include "util/text.h"

#include "app/transcription_service.h"
#include "notes/transcript.h"
#include "records/engine_configuration.h"
#include "speech/diarizer.h"
#include "speech/speech_audio.h"
#include "vault/file_io.h"

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iomanip>
#include <iostream>


namespace noteward::cli {

namespace {
std::string engineOf(const Context& ctx)
{
    const std::string engine = ctx.args().option("--engine").value_or("local");
    if (!core::app::TranscriptionService::isKnownEngine(engine)) throw UsageError("--engine must be local or openai");
    return engine;
}

core::speech::TranscribeControl progressOn(Context& ctx)
{
    core::speech::TranscribeControl control;
    if (!ctx.json())
        control.progress = [&ctx, last = -1](double fraction) mutable {
            const int percent = static_cast<int>(fraction * 100);
            if (percent / 10 != last / 10) ctx.err() << "transcribed " << percent << " %" << std::endl;
            last = percent;
        };
    return control;
}

void printTranscript(Context& ctx, const core::notes::Transcript& t)
{
    if (ctx.json()) {
        ctx.printJson(core::notes::toJson(t));
        return;
    }
    for (const auto& s : t.segments)
        ctx.out() << s.id << "  " << std::fixed << std::setprecision(1) << static_cast<double>(s.startMs) / 1000 << "–"
                  << static_cast<double>(s.endMs) / 1000 << " s  [" << s.speaker << "]  " << core::forTerminal(s.text)
                  << '\n';
}

}  // namespace

int runTranscribe(Context& ctx)
{
    const std::string engine = engineOf(ctx);
    const auto wav = ctx.args().option("--wav");
    const auto session = ctx.args().option("--session");
    if (wav && session) throw UsageError("give --wav or --session, not both");
    if (!wav && !session) throw UsageError("missing --session or --wav");

    // The local engine needs no vault for --wav; a provider needs the vault for its key, and
    // its audit log records that audio left the device.
    std::unique_ptr<core::vault::Vault> vault;
    if (session || engine != "local") {
        auto opened = ctx.openVault();
        if (!opened) return ctx.fail(opened.error());
        vault = std::move(opened.value());
    }
    core::app::TranscriptionService service(vault.get());
    auto transcript = session ? service.transcribeSession(*session, engine, progressOn(ctx))
                              : service.transcribeWav(*wav, engine, progressOn(ctx));
    if (!transcript) return ctx.fail(transcript.error());
    ctx.info(core::speech::describe(service.diarization()));
    if (session && service.diarization().naming == core::speech::DiarizationOutcome::Naming::Numbered &&
        !service.diarization().oneVoice)
        ctx.info("Name them with: transcript speakers --session " + *session +
                 " --therapist speaker_1|speaker_2 (or enrol your voice once: voice enroll).");
    printTranscript(ctx, transcript.value());
    return kExitOk;
}

int runTranscriptSpeakers(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const std::string therapist = ctx.required("--therapist");
    if (therapist != "speaker_1" && therapist != "speaker_2") throw UsageError("--therapist must be speaker_1 or speaker_2");
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto named = core::app::ReviewService(*vault.value()).nameSpeakers(session, therapist);
    if (!named) return ctx.fail(named.error());
    ctx.info(std::to_string(named.value()) + " segments named: " + therapist +
             " is the therapist, the other voice the client. The machine transcript is kept unchanged.");
    return kExitOk;
}

int runTranscriptionConfigure(Context& ctx)
{
    auto apiKey = apiKeyFromInput(ctx);
    if (!apiKey) return ctx.fail(apiKey.error());
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    if (auto done = core::records::configureTranscription(*vault.value(), ctx.args().option("--base-url"),
                                                          ctx.args().option("--model"), apiKey.value());
        !done)
        return ctx.fail(done.error());
    ctx.info("The openai transcription engine is configured.");
    return kExitOk;
}

int runTranscriptShow(Context& ctx)
{
    const std::string session = ctx.required("--session");
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto t = core::app::ReviewService(*vault.value()).transcript(session, ctx.args().flag("--original"));
    if (!t) return ctx.fail(t.error());
    printTranscript(ctx, t.value());
    return kExitOk;
}

int runTranscriptCorrect(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const std::string segment = ctx.required("--segment");
    std::optional<std::string> text;
    if (auto file = ctx.args().option("--text-file")) {
        auto bytes = core::vault::readWholeFile(*file, 64 * 1024);
        if (!bytes) return ctx.fail(bytes.error());
        text = std::string(core::asText(bytes.value()));
        while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
    }
    const auto speaker = ctx.args().option("--speaker");
    if (!text && !speaker) throw UsageError("give --speaker and/or --text-file");
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    if (auto done = core::app::ReviewService(*vault.value()).correctSegment(session, segment, text, speaker); !done)
        return ctx.fail(done.error());
    ctx.info("Segment " + segment + " corrected; the machine transcript is kept unchanged.");
    return kExitOk;
}

int runBenchSpeech(Context& ctx)
{
    if (auto dialogues = ctx.args().option("--dialogues"))
        return benchSpeechOnDialogues(ctx, *dialogues, ctx.args().flag("--end-to-end"));
    const std::string wav = ctx.required("--wav");
    auto transcriber = core::app::localTranscriber();
    if (!transcriber) return ctx.fail(transcriber.error());
    auto audio = core::speech::speechAudioFromWav(wav);
    if (!audio) return ctx.fail(audio.error());
    const double cpuStart = processCpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto transcript = transcriber.value()->transcribe(audio.value(), {});
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = processCpuSeconds() - cpuStart;
    if (!transcript) return ctx.fail(transcript.error());

    // The same file through pocketsphinx_continuous, for comparison (16 kHz mono 16-bit).
    std::optional<double> reference;
    const auto refStart = std::chrono::steady_clock::now();
    const auto run = core::runProgram({"pocketsphinx_continuous", "-infile", wav, "-logfn", "/dev/null"}, false);
    if (run && run->exitCode == 0)
        reference = std::chrono::duration<double>(std::chrono::steady_clock::now() - refStart).count();

    // Telling the voices apart, on its own (transcription runs it first).
    const auto diarizeStart = std::chrono::steady_clock::now();
    const auto diarization = core::speech::diarizeAudio(audio.value(), nullptr);
    const double diarizeWall = std::chrono::duration<double>(std::chrono::steady_clock::now() - diarizeStart).count();

    const double seconds = audio->seconds();
    nlohmann::json figures = {{"audio_seconds", seconds}, {"segments", transcript->segments.size()},
                              {"rtf_wall", wall / seconds}, {"rtf_cpu", cpu / seconds},
                              {"diarization_rtf_wall", diarizeWall / seconds},
                              {"diarization_turns", diarization.turns.size()}};
    if (reference) figures["pocketsphinx_continuous_rtf_wall"] = *reference / seconds;
    if (ctx.json()) {
        ctx.printJson(figures);
    } else {
        ctx.out() << "bench speech (local engine)\n  audio " << std::fixed << std::setprecision(1) << seconds
                  << " s, " << transcript->segments.size() << " segments\n  real-time factor " << std::setprecision(3)
                  << wall / seconds << " (CPU " << cpu / seconds << ")\n";
        if (reference) ctx.out() << "  pocketsphinx_continuous on the same file: " << *reference / seconds << '\n';
        ctx.out() << "  diarization (two voices, no enrolled voice): real-time factor " << diarizeWall / seconds << ", "
                  << diarization.turns.size() << " turns\n";
    }
    return kExitOk;
}

}  // namespace noteward::cli
