// note draft (from a transcript file, no vault needed) and bench notes.
#include "app/review_service.h"
#include "context.h"

#include "util/text.h"

#include "app/note_service.h"
#include "notes/draft_pipeline.h"
#include "notes/local_engine.h"
#include "notes/risk_fixture_scoring.h"
#include "records/engine_configuration.h"
#include "vault/file_io.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <functional>

#include <sys/resource.h>

namespace noteward::cli {

namespace {
constexpr std::uintmax_t kMaxTranscriptBytes = 50u * 1024 * 1024;

std::string engineOption(const Context& ctx)
{
    const std::string name = ctx.args().option("--engine").value_or("local");
    if (name != "local" && !core::records::isCloudEngine(name)) throw UsageError("--engine must be local, anthropic or openai");
    return name;
}

void printDraftText(std::ostream& out, const core::notes::Draft& draft)
{
    using namespace core::notes;
    for (Section s : kAllSections) {
        out << toKey(s) << ":\n";
        const auto& statements = draft.section(s);
        if (!statements) {
            out << "  Not discussed\n";
            continue;
        }
        for (const auto& st : *statements) {
            out << "  - " << core::forTerminal(st.text) << "  [";
            for (std::size_t i = 0; i < st.sources.size(); ++i) out << (i ? ", " : "") << st.sources[i];
            out << "]\n";
        }
    }
    out << "risks:\n";
    for (RiskCategory c : kAllRiskCategories) {
        const RiskFlag* flag = draft.risk(c);
        out << "  " << toKey(c) << ": " << (flag ? toKey(flag->status) : std::string_view("not assessed")) << '\n';
    }
    if (!draft.rejected.empty()) out << draft.rejected.size() << " statement(s) rejected by the verifier\n";
}

// A synthetic 60-minute session of about 9,000 words: the CBT shape (agenda, review,
// homework, work, risk, plan) with varied filler talk in between.
core::notes::Transcript generatedSession()
{
    static const char* therapistLines[] = {
        "How has your week been since we last met?",
        "Did you manage to do the thought record we agreed last week?",
        "Let's look at the evidence for and against that thought together.",
        "How much do you believe that thought now, out of 100?",
        "Have you had any thoughts of harming yourself or ending your life?",
        "For next week I'd like you to try the behavioural experiment at the shop twice.",
        "In our next session we'll review how the experiment went.",
        "What went through your mind at that moment?",
        "That sounds really difficult, and it makes sense that you felt anxious.",
        "What would you say to a friend who had that thought?"};
    static const char* clientLines[] = {
        "This week was hard, I stayed in most days and avoided going to the shop.",
        "I did the thought record on Tuesday and Thursday but not the other days.",
        "I kept thinking about what my manager said, it went round and round in my head.",
        "No, nothing like that, I wouldn't do anything like that.",
        "I want to talk about work today because it has been getting to me.",
        "I suppose the evidence against it is that my manager thanked me on Friday.",
        "Maybe I believe it about 60 percent now.",
        "I felt my heart racing and I just wanted to get out of there.",
        "I'll try to go on Monday morning when it is quieter.",
        "It was a bit better at the weekend when my sister visited."};
    core::notes::Transcript t;
    t.sessionId = "bench-session";
    std::int64_t ms = 0;
    std::size_t wordsSoFar = 0;
    for (std::size_t i = 0; wordsSoFar < 9000; ++i) {
        const bool therapist = i % 2 == 0;
        std::string text = therapist ? therapistLines[(i / 2) % 10] : clientLines[(i / 2 + i / 20) % 10];
        if (i % 7 == 3) text += " I mean, it is hard to say exactly, but that is roughly how it felt to me at the time.";
        wordsSoFar += static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ') + 1);
        const std::int64_t duration = static_cast<std::int64_t>(text.size()) * 75;  // about 150 words a minute
        t.segments.push_back({"s" + std::to_string(i + 1), ms, ms + duration, therapist ? "therapist" : "client", text});
        ms += duration + 400;
    }
    return t;
}

core::Result<core::notes::Transcript> transcriptFromFile(const std::string& file)
{
    auto bytes = core::vault::readWholeFile(file, kMaxTranscriptBytes);
    if (!bytes) return bytes.error();
    return core::notes::parseTranscript(core::asText(bytes.value()));
}

core::Result<std::string> textFromFile(const std::string& file)
{
    auto bytes = core::vault::readWholeFile(file, 1024 * 1024);
    if (!bytes) return bytes.error();
    return std::string(core::asText(bytes.value()));
}

int printDraft(Context& ctx, const core::notes::Draft& draft)
{
    if (ctx.json()) ctx.printJson(core::notes::toJson(draft));
    else printDraftText(ctx.out(), draft);
    return kExitOk;
}

int withReview(Context& ctx, const std::function<int(core::app::ReviewService&)>& body)
{
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    core::app::ReviewService review(*vault.value());
    return body(review);
}

}  // namespace

int runTranscriptImport(Context& ctx)
{
    const std::string session = ctx.required("--session");
    auto transcript = transcriptFromFile(ctx.required("--file"));
    if (!transcript) return ctx.fail(transcript.error());
    return withReview(ctx, [&](core::app::ReviewService& review) {
        if (auto stored = review.importTranscript(session, transcript.value()); !stored) return ctx.fail(stored.error());
        ctx.info("Stored a transcript of " + std::to_string(transcript->segments.size()) + " segments (encrypted).");
        return kExitOk;
    });
}

int runNoteDraft(Context& ctx)
{
    const std::string engineName = engineOption(ctx);
    if (auto session = ctx.args().option("--session")) {
        if (ctx.args().option("--transcript")) throw UsageError("give --session or --transcript, not both");
        auto vault = ctx.openVault();
        if (!vault) return ctx.fail(vault.error());
        auto outcome = core::app::NoteService(*vault.value()).draftSession(*session, engineName);
        if (!outcome) return ctx.fail(outcome.error());
        for (const auto& notice : outcome->notices) ctx.info("noteward-cli: warning: " + notice);
        return printDraft(ctx, outcome->draft);
    }
    const std::string file = ctx.required("--transcript");
    auto transcript = transcriptFromFile(file);
    if (!transcript) return ctx.fail(transcript.error());
    if (engineName == "local") {
        core::notes::LocalEngine local;
        auto draft = core::notes::DraftPipeline(local).run(transcript.value());
        if (!draft) return ctx.fail(draft.error());
        return printDraft(ctx, draft.value());
    }
    // A hosted engine needs the vault for its key, and the vault's audit log records that
    // masked text left the device.
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    auto outcome = core::app::NoteService(*vault.value()).draftTranscript(transcript.value(), engineName);
    if (!outcome) return ctx.fail(outcome.error());
    for (const auto& notice : outcome->notices) ctx.info("noteward-cli: warning: " + notice);
    return printDraft(ctx, outcome->draft);
}

int runEngineConfigure(Context& ctx)
{
    const std::string engine = ctx.required("--engine");
    if (!core::records::isCloudEngine(engine)) throw UsageError("--engine must be anthropic or openai");
    const auto caseless = ctx.args().option("--caseless-transcripts");
    if (caseless && *caseless != "warn" && *caseless != "refuse")
        throw UsageError("--caseless-transcripts must be warn or refuse");
    auto apiKey = apiKeyFromInput(ctx);
    if (!apiKey) return ctx.fail(apiKey.error());
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    if (caseless)
        if (auto done = core::records::setCaselessTranscriptPolicy(*vault.value(), *caseless); !done)
            return ctx.fail(done.error());
    if (auto done = core::records::configureProvider(*vault.value(), engine, ctx.args().option("--base-url"),
                                                     ctx.args().option("--model"), apiKey.value());
        !done)
        return ctx.fail(done.error());
    ctx.info("The " + engine + " engine is configured" + (apiKey.value() ? " (API key stored in the vault)." : "."));
    return kExitOk;
}

int runNoteShow(Context& ctx)
{
    const std::string session = ctx.required("--session");
    return withReview(ctx, [&](core::app::ReviewService& records) {
        auto note = records.signedNote(session);
        if (!note) return ctx.fail(note.error());
        if (*note) {
            const auto doc = nlohmann::json::parse((*note)->canonical, nullptr, false);
            auto addenda = records.addenda(session);
            if (!addenda) return ctx.fail(addenda.error());
            nlohmann::json addendaJson = nlohmann::json::array();
            for (const auto& a : addenda.value()) {
                const auto adoc = nlohmann::json::parse(a.canonical, nullptr, false);
                addendaJson.push_back({{"seq", a.seq},
                                       {"hash", a.hash},
                                       {"signed_at", a.signedAt},
                                       {"text", adoc.is_object() ? adoc.value("text", "") : std::string()}});
            }
            if (ctx.json()) {
                ctx.printJson({{"signed", true}, {"hash", (*note)->hash}, {"note", doc}, {"addenda", addendaJson}});
            } else {
                // dump() escapes every control character, so the note prints safely.
                ctx.out() << "Signed " << (*note)->signedAt << " (SHA-256 " << (*note)->hash << ")\n" << doc.dump(2) << '\n';
                for (const auto& a : addendaJson)
                    ctx.out() << "Addendum " << a["seq"].get<std::int64_t>() << ", signed "
                              << a["signed_at"].get<std::string>() << ":\n  "
                              << core::forTerminal(a["text"].get<std::string>(), true) << '\n';
            }
            return kExitOk;
        }
        auto draft = records.currentDraft(session);
        if (!draft) return ctx.fail(draft.error());
        return printDraft(ctx, draft.value());
    });
}

int runNoteEdit(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const auto section = core::notes::sectionFromKey(ctx.required("--section"));
    if (!section) throw UsageError("--section must be one of agenda, week_review, homework_review, activities, "
                                   "risk_issues, homework_given, next_steps");
    auto text = textFromFile(ctx.required("--text-file"));
    if (!text) return ctx.fail(text.error());
    std::vector<std::string> lines;
    std::istringstream in(text.value());
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line != "\r") lines.push_back(line.back() == '\r' ? line.substr(0, line.size() - 1) : line);
    return withReview(ctx, [&](core::app::ReviewService& review) {
        if (auto edited = review.rewriteSection(session, *section, lines); !edited) return ctx.fail(edited.error());
        ctx.info("Section replaced with your own text (" + std::to_string(lines.size()) + " statement(s)).");
        return kExitOk;
    });
}

int runNoteReview(Context& ctx)
{
    const std::string session = ctx.required("--session");
    const auto category = core::notes::riskCategoryFromKey(ctx.required("--risk"));
    if (!category) throw UsageError("--risk must be one of the seven risk categories");
    const bool confirm = ctx.args().flag("--confirm");
    const auto dismissal = ctx.args().option("--dismiss");
    if (confirm == dismissal.has_value()) throw UsageError("give either --confirm or --dismiss REASON");
    // A conflicting flag's confirmation carries how it was resolved (--note).
    const auto note = ctx.args().option("--note");
    if (note && !confirm) throw UsageError("--note goes with --confirm; a dismissal's reason is its note");
    const auto reason = confirm ? note : dismissal;
    return withReview(ctx, [&](core::app::ReviewService& review) {
        if (auto done = review.reviewRisk(session, *category, confirm, reason); !done) return ctx.fail(done.error());
        ctx.info(std::string(core::notes::toKey(*category)) + (confirm ? " confirmed." : " dismissed."));
        return kExitOk;
    });
}

int runNoteSign(Context& ctx)
{
    const std::string session = ctx.required("--session");
    return withReview(ctx, [&](core::app::ReviewService& review) {
        // The passphrase was entered to open the vault for this very command.
        auto signedNote = review.sign(session, nullptr, ctx.args().flag("--unlabelled-speakers-reviewed"));
        if (!signedNote) return ctx.fail(signedNote.error());
        const auto& note = signedNote->note;
        const std::string& fingerprint = signedNote->signingKeyFingerprint;
        if (ctx.json())
            ctx.printJson({{"note_id", note.id},
                           {"hash", note.hash},
                           {"signed_at", note.signedAt},
                           {"signing_key_fingerprint", fingerprint},
                           {"first_signature", signedNote->firstSignature}});
        else ctx.out() << "Signed note " << note.id << " (SHA-256 " << note.hash << ")\n";
        if (signedNote->firstSignature) {
            // The key sheet: a copy of the fingerprint kept away from this computer is what
            // shows later that the key in the vault was not swapped.
            ctx.info("\nKEY SHEET: this was your first signature, so Noteward made your signing key.\n"
                     "  Signing key fingerprint: " + fingerprint + "\n"
                     "  Print or write this down and keep it away from this computer. 'note verify' shows the\n"
                     "  fingerprint of the key in the vault; if it ever differs from this sheet, the key was replaced.\n");
        }
        return kExitOk;
    });
}

int runNoteAddendum(Context& ctx)
{
    const std::string session = ctx.required("--session");
    auto text = textFromFile(ctx.required("--text-file"));
    if (!text) return ctx.fail(text.error());
    return withReview(ctx, [&](core::app::ReviewService& review) {
        auto addendum = review.addAddendum(session, text.value());
        if (!addendum) return ctx.fail(addendum.error());
        if (ctx.json()) ctx.printJson({{"addendum_id", addendum->id}, {"seq", addendum->seq}, {"hash", addendum->hash}});
        else ctx.out() << "Signed addendum " << addendum->seq << " (SHA-256 " << addendum->hash << ")\n";
        return kExitOk;
    });
}

int runNoteVerify(Context& ctx)
{
    const std::string session = ctx.required("--session");
    return withReview(ctx, [&](core::app::ReviewService& review) {
        auto result = review.verify(session);
        if (!result) return ctx.fail(result.error());
        const auto& v = result.value();
        if (ctx.json()) {
            ctx.printJson({{"ok", v.ok()},
                           {"hash", v.noteHash},
                           {"addenda", v.addendaChecked},
                           {"signing_key_fingerprint", v.signingKeyFingerprint},
                           {"problems", v.problems}});
        } else if (v.ok()) {
            ctx.out() << "Signed note verified: signature, hash and chain intact (" << v.addendaChecked << " addenda).\n"
                      << "Signing key fingerprint: " << v.signingKeyFingerprint
                      << " (compare it with your key sheet)\n";
        } else {
            ctx.out() << "Signed note FAILED verification:\n";
            for (const auto& p : v.problems) ctx.out() << "  " << p << '\n';
        }
        return v.ok() ? kExitOk : kExitUserError;
    });
}

// bench notes --fixtures DIR: the local engine's quality on labelled transcripts. With
// tuning/, adversarial/ and heldout*/ subfolders each is scored apart (the held-out figures are
// the honest ones: no rule was tuned on them; each later heldout_fresh*/ set was written by
// another hand once the one before had been looked at too often); otherwise DIR itself.
int benchNotesOnFixtures(Context& ctx, const std::filesystem::path& dir)
{
    std::vector<std::pair<std::string, std::filesystem::path>> sets;
    for (const char* set : {"tuning", "adversarial"})
        if (std::filesystem::is_directory(dir / set)) sets.emplace_back(set, dir / set);
    std::vector<std::string> heldOutSets;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory() && it->path().filename().string().starts_with("heldout"))
            heldOutSets.push_back(it->path().filename().string());
    std::sort(heldOutSets.begin(), heldOutSets.end());
    for (const auto& set : heldOutSets) sets.emplace_back(set, dir / set);
    if (sets.empty()) sets.emplace_back(dir.filename().string(), dir);
    nlohmann::json figures = nlohmann::json::object();
    for (const auto& [name, path] : sets) {
        // Held-out misses are counted, never shown: the figures stay honest only while nobody
        // writes rules from them.
        const bool heldOut = name.starts_with("heldout");
        core::notes::LocalEngine engine;
        auto scored = core::notes::scoreRiskFixtures(path, engine);
        if (!scored) return ctx.fail(scored.error());
        const auto& s = scored.value();
        nlohmann::json perCategory = nlohmann::json::object();
        for (const auto& [category, counts] : s.perCategory)
            perCategory[std::string(core::notes::toKey(category))] = {
                {"recall", counts.expectedPresent ? static_cast<double>(counts.foundPresent) / counts.expectedPresent : 1.0},
                {"precision", counts.draftedPresent ? static_cast<double>(counts.correctPresent) / counts.draftedPresent : 1.0},
                {"expected_present", counts.expectedPresent}};
        nlohmann::json perSection = nlohmann::json::object();
        for (const auto& [section, counts] : s.perSection)
            perSection[std::string(core::notes::toKey(section))] = {
                {"phrases_found", counts.phrasesFound},
                {"phrases_expected", counts.phrasesExpected},
                {"filled_when_empty", counts.filledWhenEmpty},
                {"expected_empty", counts.expectedEmpty}};
        figures[name] = {{"files", s.files},
                         {"labels", s.labels},
                         {"labels_correct", s.labelsCorrect},
                         {"dangerous_denials", s.dangerousDenials},
                         {"dangerous_omissions", s.dangerousOmissions},
                         {"fabricated", s.fabricated},
                         {"conflicting_found", s.conflictingFound},
                         {"conflicting_expected", s.conflictingExpected},
                         {"aspects_correct", s.aspectsCorrect},
                         {"aspects_expected", s.aspectsExpected},
                         {"risk_recall", s.recall()},
                         {"risk_precision", s.precision()},
                         {"per_category", perCategory},
                         {"section_recall", s.sectionRecall()},
                         {"sections_filled_when_empty", s.sectionsFilledWhenEmpty()},
                         {"per_section", perSection},
                         {"misses", heldOut ? nlohmann::json(s.misses.size()) : nlohmann::json(s.misses)}};
        if (!ctx.json()) {
            ctx.out() << "bench notes --fixtures: " << name << " (" << s.files << " labelled transcripts)\n"
                      << "  dangerous_denials " << s.dangerousDenials << ", dangerous_omissions " << s.dangerousOmissions
                      << ", fabricated " << s.fabricated
                      << ", labels " << s.labelsCorrect << "/" << s.labels << ", conflicting " << s.conflictingFound
                      << "/" << s.conflictingExpected << ", aspects " << s.aspectsCorrect << "/" << s.aspectsExpected
                      << "\n  risk recall " << std::setprecision(3) << s.recall() << ", precision " << s.precision()
                      << "\n";
            for (const auto& [category, counts] : s.perCategory)
                ctx.out() << "    " << core::notes::toKey(category) << ": recall " << counts.foundPresent << "/"
                          << counts.expectedPresent << ", precision " << counts.correctPresent << "/"
                          << counts.draftedPresent << "\n";
            if (!s.perSection.empty()) {
                ctx.out() << "  section recall " << s.sectionRecall() << " (key phrases in their section), sections "
                          << "filled that should be empty " << s.sectionsFilledWhenEmpty() << "\n";
                for (const auto& [section, counts] : s.perSection)
                    ctx.out() << "    " << core::notes::toKey(section) << ": " << counts.phrasesFound << "/"
                              << counts.phrasesExpected << " phrases, " << counts.filledWhenEmpty << "/"
                              << counts.expectedEmpty << " filled when empty\n";
            }
            if (!heldOut)
                for (const auto& miss : s.misses) ctx.out() << "  miss: " << miss << "\n";
            else if (!s.misses.empty())
                ctx.out() << "  (" << s.misses.size() << " misses, not listed: a rule written after reading them would "
                          << "be tuned on the held-out set)\n";
        }
    }
    if (ctx.json()) ctx.printJson(figures);
    return kExitOk;
}

int runBenchNotes(Context& ctx)
{
    if (auto fixtures = ctx.args().option("--fixtures")) return benchNotesOnFixtures(ctx, *fixtures);
    using Clock = std::chrono::steady_clock;
    const auto transcript = generatedSession();
    std::size_t wordCount = 0;
    for (const auto& s : transcript.segments) wordCount += static_cast<std::size_t>(std::count(s.text.begin(), s.text.end(), ' ') + 1);
    core::notes::LocalEngine engine;
    core::notes::DraftPipeline pipeline(engine);
    std::vector<double> times;
    core::notes::Draft last;
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        auto draft = pipeline.run(transcript);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!draft) return ctx.fail(draft.error());
        last = std::move(draft.value());
    }
    std::sort(times.begin(), times.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::size_t kept = 0;
    for (const auto& s : last.sections)
        if (s) kept += s->size();
    const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    const double endMs = static_cast<double>(transcript.segments.back().endMs) / 60000.0;
    if (ctx.json()) {
        ctx.printJson({{"words", wordCount},
                       {"segments", transcript.segments.size()},
                       {"audio_minutes", endMs},
                       {"draft_ms_median", times[times.size() / 2]},
                       {"peak_rss_mb", peakMb},
                       {"statements_kept", kept},
                       {"risk_flags", last.risks.size()},
                       {"rejected", last.rejected.size()}});
    } else {
        ctx.out() << "bench notes (local engine)\n"
                  << "  transcript: " << wordCount << " words, " << transcript.segments.size() << " segments, "
                  << static_cast<int>(endMs) << " minutes\n"
                  << "  draft time (median of 5): " << times[times.size() / 2] << " ms\n"
                  << "  peak memory (RSS): " << peakMb << " MB\n"
                  << "  statements kept: " << kept << ", risk flags: " << last.risks.size()
                  << ", rejected by the verifier: " << last.rejected.size() << '\n';
    }
    return kExitOk;
}

}  // namespace noteward::cli
