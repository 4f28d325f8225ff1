// devices, record, recording import/export, bench audio.
#include "context.h"

#include "app/recording_service.h"
#include "audio/audio_devices.h"
#include "audio/player.h"
#include "audio/recorder.h"
#include "audio/recording_writer.h"
#include "audio/recordings.h"
#include "crypto/random.h"
#include "vault/database.h"

#include <chrono>
#include <cmath>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <thread>


namespace noteward::cli {

namespace {
std::atomic<bool> g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

nlohmann::json summaryJson(const core::audio::RecordingSummary& s)
{
    return {{"recording_id", s.recordingId}, {"sample_rate", s.sampleRate}, {"frames", s.frames},
            {"seconds", s.seconds()}, {"status", s.status}, {"dropped_frames", s.droppedFrames}};
}

int printSummary(Context& ctx, const core::audio::RecordingSummary& s, const std::string& what)
{
    if (ctx.json()) ctx.printJson(summaryJson(s));
    else ctx.out() << what << ' ' << std::fixed << std::setprecision(2) << s.seconds() << " s of audio (recording "
                   << s.recordingId << ")\n";
    return kExitOk;
}

}  // namespace

int runDevices(Context& ctx)
{
    core::audio::PortAudioScope scope;
    if (!scope.ok()) return ctx.fail(core::makeError(core::ErrorCode::Unavailable, "The audio system could not be started."));
    const auto devices = core::audio::listInputDevices();
    if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : devices)
            list.push_back({{"name", d.name}, {"host_api", d.hostApi}, {"channels", d.maxInputChannels},
                            {"default_sample_rate", d.defaultSampleRate}, {"default", d.isDefault}});
        ctx.printJson(list);
        return kExitOk;
    }
    for (const auto& d : devices)
        ctx.out() << (d.isDefault ? "* " : "  ") << d.name << "  (" << d.hostApi << ", " << d.maxInputChannels
                  << " ch, " << d.defaultSampleRate << " Hz)\n";
    if (devices.empty()) ctx.info("No audio input devices found.");
    return kExitOk;
}

int runRecord(Context& ctx)
{
    const std::string session = ctx.required("--session");
    if (!ctx.args().flag("--consent"))
        return ctx.fail(core::makeError(core::ErrorCode::InvalidInput,
                                        "Recording needs the client's consent: confirm it with --consent."));
    double seconds = 0;
    if (auto text = ctx.args().option("--seconds")) {
        try {
            seconds = std::stod(*text);
        } catch (const std::exception&) {
            throw UsageError("--seconds needs a number");
        }
        if (!(seconds > 0 && seconds <= 4 * 3600)) throw UsageError("--seconds must be between 0 and 4 hours");
    }
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    // --seconds is counted in captured frames, not wall time: exact, whatever the device's pace.
    auto recorder = core::app::RecordingService(*vault.value())
                        .start(session, ctx.args().option("--device").value_or(""), true, seconds);
    if (!recorder) return ctx.fail(recorder.error());
    auto& r = *recorder.value();
    ctx.info("Recording from " + r.deviceName() + (seconds > 0 ? " for " + std::to_string(seconds) + " s" : "") +
             "; Ctrl+C stops.");
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    // Progress on stderr as audio is committed to the vault (what a crash would keep).
    std::int64_t reported = -1;
    while (!g_interrupted && !r.finished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const auto now = r.status();
        const std::int64_t whole = now.codecRate ? now.storedFrames / now.codecRate : 0;
        if (whole != reported) {
            reported = whole;
            ctx.err() << "stored " << whole << " s" << std::endl;
        }
    }
    auto stopped = r.stop();
    const auto status = r.status();
    if (!stopped) return ctx.fail(stopped.error());
    auto summary = core::audio::Recordings(*vault.value()).latest(session);
    if (!summary) return ctx.fail(summary.error());
    if (status.droppedFrames > 0 || status.overflows > 0)
        ctx.info("Warning: " + std::to_string(status.droppedFrames) + " frames dropped, " +
                 std::to_string(status.overflows) + " input overflows.");
    return printSummary(ctx, summary.value(), "Recorded");
}

int runRecordingImport(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const std::string wav = ctx.required("--wav");
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto summary = core::audio::Recordings(*vault.value()).importWav(session, wav);
    if (!summary) return ctx.fail(summary.error());
    return printSummary(ctx, summary.value(), "Imported");
}

int runRecordingExport(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const std::string out = ctx.required("--out");
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto summary = core::audio::Recordings(*vault.value()).exportWav(session, out);
    if (!summary) return ctx.fail(summary.error());
    return printSummary(ctx, summary.value(), "Exported");
}

int runRecordingPlay(Context& ctx)
{
    const std::string session = ctx.required("--session");
    double from = 0;
    if (auto text = ctx.args().option("--from")) {
        try {
            from = std::stod(*text);
        } catch (const std::exception&) {
            throw UsageError("--from needs a number of seconds");
        }
    }
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto player = core::audio::Player::start(*vault.value(), session, from, ctx.args().option("--device").value_or(""));
    if (!player) return ctx.fail(player.error());
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    while (!g_interrupted && !player.value()->finished()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double at = player.value()->positionSeconds();
    if (auto stopped = player.value()->stop(); !stopped) return ctx.fail(stopped.error());
    if (ctx.json()) ctx.printJson({{"played_to_seconds", at}});
    else ctx.info("Played to " + std::to_string(at) + " s.");
    return kExitOk;
}

int runBenchAudio(Context& ctx)
{
    // The writer path of a live recording (resample 44.1 → 16 kHz, Opus, encryption, one
    // committed chunk a second) on 10 minutes of synthetic speech-like signal, then export.
    ctx.info("Benchmarking 10 minutes of 44.1 kHz and 48 kHz audio through the recording pipeline…");
    const auto dir = std::filesystem::temp_directory_path() / ("noteward-bench-" + core::crypto::randomUuid());
    std::string pass = "benchmark passphrase, not a secret";
    auto vault = core::vault::Vault::create(dir, core::crypto::SecretBytes::takeString(pass));
    if (!vault) return ctx.fail(vault.error());
    auto& v = *vault.value();
    core::model::Client client;
    client.name = "Benchmark";
    const auto owner = v.clients().add(client);
    nlohmann::json figures = nlohmann::json::object();
    std::ostringstream text;
    for (int rate : {44100, 48000}) {
        core::model::Session s;
        s.clientId = owner->id;
        const auto session = v.sessions().add(s).value();
        auto writer = core::audio::RecordingWriter::begin(v.database(), {v.user().id, session.id, "bench"}, rate);
        if (!writer) return ctx.fail(writer.error());
        const std::size_t total = static_cast<std::size_t>(rate) * 600;
        std::vector<float> block(static_cast<std::size_t>(rate) / 50);
        const double cpuStart = processCpuSeconds();
        const auto wallStart = std::chrono::steady_clock::now();
        for (std::size_t at = 0; at < total; at += block.size()) {
            for (std::size_t i = 0; i < block.size(); ++i) {
                const double t = static_cast<double>(at + i) / rate;
                // Voice-like: a 150 Hz buzz with formants, syllable-rate amplitude and a little noise.
                block[i] = static_cast<float>((0.3 * std::sin(2 * M_PI * 150 * t) + 0.15 * std::sin(2 * M_PI * 700 * t) +
                                               0.08 * std::sin(2 * M_PI * 2400 * t)) *
                                                  (0.5 + 0.5 * std::sin(2 * M_PI * 4 * t)) +
                                              0.01 * (static_cast<double>((at + i) * 2654435761u % 1000) / 1000.0 - 0.5));
            }
            if (auto r = writer.value()->write(block.data(), block.size()); !r) return ctx.fail(r.error());
        }
        if (auto r = writer.value()->finish(); !r) return ctx.fail(r.error());
        const double cpu = processCpuSeconds() - cpuStart;
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        const std::string key = std::to_string(rate / 1000) + "k";
        const double cpuPerMinute = cpu / 10.0;
        figures["cpu_seconds_per_audio_minute_" + key] = cpuPerMinute;
        figures["cpu_percent_of_one_core_" + key] = cpuPerMinute / 60.0 * 100.0;
        const auto bytes = v.database().scalarInt(
            "SELECT sum(length(data)) FROM recording_chunks WHERE recording_id = '" + writer.value()->recordingId() + "';");
        figures["stored_mb_per_hour_" + key] = static_cast<double>(bytes) * 6.0 / 1e6;
        text << "  " << rate << " Hz input: " << std::fixed << std::setprecision(2) << cpuPerMinute
             << " CPU s per audio minute (" << cpuPerMinute / 60.0 * 100.0 << " % of one core), stored "
             << static_cast<double>(bytes) * 6.0 / 1e6 << " MB per hour, wall " << wall << " s for 10 min\n";

        const auto out = dir / ("export-" + key + ".wav");
        const auto exportStart = std::chrono::steady_clock::now();
        auto exported = core::audio::Recordings(v).exportWav(session.id, out);
        if (!exported) return ctx.fail(exported.error());
        const double exportWall = std::chrono::duration<double>(std::chrono::steady_clock::now() - exportStart).count();
        figures["export_speed_x_realtime_" + key] = 600.0 / exportWall;
        text << "    export: " << std::setprecision(0) << 600.0 / exportWall << "x real time\n";
    }
    if (auto device = ctx.args().option("--device")) {
        // A real 10-minute capture through PortAudio: frames dropped between callback and writer.
        core::model::Session s;
        s.clientId = owner->id;
        const auto session = v.sessions().add(s).value();
        core::audio::RecorderOptions options{*device, 600, true};
        const double cpuStart = processCpuSeconds();
        const auto wallStart = std::chrono::steady_clock::now();
        auto recorder = core::audio::Recorder::start(v, session.id, options);
        if (!recorder) return ctx.fail(recorder.error());
        while (!recorder.value()->finished()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto status = recorder.value()->status();
        if (auto stopped = recorder.value()->stop(); !stopped) return ctx.fail(stopped.error());
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        figures["capture_seconds"] = static_cast<double>(status.capturedFrames) / status.sampleRate;
        figures["capture_dropped_frames"] = status.droppedFrames;
        figures["capture_input_overflows"] = status.overflows;
        figures["capture_cpu_percent_of_one_core"] = (processCpuSeconds() - cpuStart) / wall * 100.0;
        text << "  capture from " << *device << ": " << std::setprecision(1)
             << static_cast<double>(status.capturedFrames) / status.sampleRate << " s at " << status.sampleRate
             << " Hz, dropped frames " << status.droppedFrames << ", input overflows " << status.overflows << ", wall "
             << wall << " s\n";
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (ctx.json()) ctx.printJson(figures);
    else ctx.out() << "bench audio\n" << text.str();
    return kExitOk;
}

}  // namespace noteward::cli
