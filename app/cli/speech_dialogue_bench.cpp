// bench speech --dialogues DIR [--end-to-end]: speaker attribution measured on spoken
// two-voice dialogues (made by the test tool noteward_make_dialogues), and with --end-to-end
// what survives the whole on-device path: transcription, diarization, draft, risk labels.
#include "context.h"

#include "app/transcription_service.h"
#include "notes/draft_pipeline.h"
#include "notes/local_engine.h"
#include "notes/risk_fixture_scoring.h"
#include "speech/diarization_scoring.h"
#include "speech/diarizer.h"
#include "speech/speech_audio.h"
#include "vault/file_io.h"

#include <algorithm>
#include <iomanip>

namespace noteward::cli {

using core::ErrorCode;
using core::makeError;
using core::Ok;
template <typename T>
using Result = core::Result<T>;

namespace {
struct SetFigures {
    int dialogues = 0;
    core::speech::DiarizationScore enrolled;    // with the therapist's voice profile
    core::speech::DiarizationScore unenrolled;  // speaker_1/speaker_2, best mapping
    core::speech::DiarizationScore endToEnd;    // on the recogniser's segments, enrolled
    core::notes::FixtureSetScore risks;         // drafts from the recognised, diarized speech
    std::vector<std::string> lines;
};

std::vector<core::notes::Segment> asSegments(const core::speech::Diarization& d)
{
    std::vector<core::notes::Segment> out;
    for (const auto& t : d.turns) out.push_back({"t" + std::to_string(out.size() + 1), t.startMs, t.endMs, t.speaker, ""});
    return out;
}

std::string percent(double share)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << share * 100 << " %";
    return s.str();
}

Result<void> benchOne(const std::filesystem::path& json, bool endToEnd, SetFigures& set)
{
    const auto stem = json.stem().string();
    const auto dir = json.parent_path();
    auto bytes = core::vault::readWholeFile(json, 4 * 1024 * 1024);
    if (!bytes) return bytes.error();
    const std::string text(core::asText(bytes.value()));
    auto reference = core::notes::parseTranscript(text);
    if (!reference) return makeError(ErrorCode::InvalidInput, json.string() + ": " + reference.error().message);
    auto audio = core::speech::speechAudioFromWav(dir / (stem + ".wav"));
    if (!audio) return audio.error();
    auto enrollment = core::speech::speechAudioFromWav(dir / (stem + ".enroll.wav"));
    if (!enrollment) return enrollment.error();
    auto profile = core::speech::enrollVoice(enrollment.value());
    if (!profile) return makeError(profile.error().code, stem + ": " + profile.error().message);

    const auto enrolledTurns = core::speech::diarizeAudio(audio.value(), &profile.value());
    const auto plainTurns = core::speech::diarizeAudio(audio.value(), nullptr);
    const auto outcome = enrolledTurns.outcome;
    const auto withProfile = asSegments(enrolledTurns);
    const auto withoutProfile = asSegments(plainTurns);
    const auto enrolled = core::speech::scoreDiarization(reference->segments, withProfile);
    const auto unenrolled = core::speech::scoreDiarization(reference->segments, withoutProfile);
    set.enrolled.add(enrolled);
    set.unenrolled.add(unenrolled);
    ++set.dialogues;
    std::string line = stem + ": mislabelled " + percent(enrolled.mislabelledShare()) + " enrolled, " +
                       percent(unenrolled.mislabelledShare()) + " without; unattributed " +
                       percent(enrolled.unattributedShare()) + (outcome.oneVoice ? " (one voice heard)" : "");

    if (endToEnd) {
        auto transcriber = core::app::localTranscriber();
        if (!transcriber) return transcriber.error();
        core::speech::TranscribeControl control;
        control.turns = &enrolledTurns.turns;
        auto heard = transcriber.value()->transcribe(audio.value(), control);
        if (!heard) return heard.error();
        set.endToEnd.add(core::speech::scoreDiarization(reference->segments, heard->segments));
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_object() && doc.contains("expected")) {
            core::notes::LocalEngine engine;
            auto draft = core::notes::DraftPipeline(engine).run(heard.value());
            if (!draft) return draft.error();
            if (auto s = core::notes::scoreLabelledDraft(stem, doc["expected"], draft.value(), set.risks); !s)
                return s.error();
        }
    }
    set.lines.push_back(line);
    return Ok{};
}

nlohmann::json figuresOf(const SetFigures& f, bool endToEnd)
{
    nlohmann::json j = {{"dialogues", f.dialogues},
                        {"speech_seconds", f.enrolled.speechSeconds},
                        {"mislabelled_enrolled", f.enrolled.mislabelledShare()},
                        {"unattributed_enrolled", f.enrolled.unattributedShare()},
                        {"mislabelled_without_profile", f.unenrolled.mislabelledShare()},
                        {"unattributed_without_profile", f.unenrolled.unattributedShare()},
                        {"per_dialogue", f.lines}};
    if (endToEnd)
        j["end_to_end"] = {{"mislabelled", f.endToEnd.mislabelledShare()},
                           {"unattributed", f.endToEnd.unattributedShare()},
                           {"risk_recall", f.risks.recall()},
                           {"risk_precision", f.risks.precision()},
                           {"section_recall", f.risks.sectionRecall()},
                           {"dangerous_denials", f.risks.dangerousDenials},
                           {"fabricated", f.risks.fabricated}};
    return j;
}
}  // namespace

int benchSpeechOnDialogues(Context& ctx, const std::filesystem::path& dir, bool endToEnd)
{
    std::vector<std::pair<std::string, std::filesystem::path>> sets;
    for (const char* set : {"tuning", "heldout"})
        if (std::filesystem::is_directory(dir / set)) sets.emplace_back(set, dir / set);
    if (sets.empty()) sets.emplace_back(dir.filename().string(), dir);
    nlohmann::json all = nlohmann::json::object();
    for (const auto& [name, path] : sets) {
        std::vector<std::filesystem::path> files;
        std::error_code ec;
        for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") files.push_back(it->path());
        if (ec) return ctx.fail(makeError(ErrorCode::NotFound, "Cannot read the dialogue folder " + path.string() + "."));
        std::sort(files.begin(), files.end());
        SetFigures figures;
        for (const auto& file : files) {
            if (!ctx.json()) ctx.err() << "  " << file.stem().string() << std::endl;
            if (auto done = benchOne(file, endToEnd, figures); !done) return ctx.fail(done.error());
        }
        if (figures.dialogues == 0)
            return ctx.fail(makeError(ErrorCode::NotFound, "No dialogues (NAME.json, NAME.wav, NAME.enroll.wav) in " +
                                                               path.string() + "."));
        all[name] = figuresOf(figures, endToEnd);
        if (ctx.json()) continue;
        auto& out = ctx.out();
        out << "bench speech --dialogues: " << name << " (" << figures.dialogues << " dialogues, " << std::fixed
            << std::setprecision(0) << figures.enrolled.speechSeconds << " s of speech)\n"
            << "  with enrollment: mislabelled " << percent(figures.enrolled.mislabelledShare()) << ", unattributed "
            << percent(figures.enrolled.unattributedShare()) << "\n"
            << "  without (speaker_1/speaker_2, best mapping): mislabelled "
            << percent(figures.unenrolled.mislabelledShare()) << ", unattributed "
            << percent(figures.unenrolled.unattributedShare()) << "\n";
        if (endToEnd)
            out << "  end to end (local recogniser, enrolled): mislabelled " << percent(figures.endToEnd.mislabelledShare())
                << ", unattributed " << percent(figures.endToEnd.unattributedShare()) << "; risk recall "
                << std::setprecision(2) << figures.risks.recall() << ", precision " << figures.risks.precision()
                << ", section recall " << figures.risks.sectionRecall() << ", dangerous denials "
                << figures.risks.dangerousDenials << ", fabricated " << figures.risks.fabricated << "\n";
        for (const auto& line : figures.lines) out << "    " << line << "\n";
    }
    if (ctx.json()) ctx.printJson(all);
    return kExitOk;
}

}  // namespace noteward::cli
