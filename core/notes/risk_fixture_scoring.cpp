#include "notes/risk_fixture_scoring.h"

#include "notes/draft_pipeline.h"
#include "notes/note_phrasing.h"
#include "notes/transcript.h"
#include "util/text.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace noteward::core::notes {

namespace {
std::string statusName(const RiskFlag* flag) { return flag ? std::string(toKey(flag->status)) : std::string("absent"); }

// Key phrases are the transcript's own words ("cut myself", "your diary"); the note speaks of
// the client in the third person ("they cut themselves", "their diary"). A key phrase counts
// as written or as the note would put it: the client's "I"/"me"/"my" and the therapist's
// "you"/"your" become the client's "they"/"them"/"their", each by its role. Only the phrase
// is rewritten, never the note, so "they hurt me" in a note does not meet "I hurt them".
std::vector<std::string> phraseForms(std::string_view phrase)
{
    static const std::map<std::string, std::string> firstPerson = {
        {"i", "they"},        {"me", "them"},       {"my", "their"},      {"mine", "theirs"},
        {"myself", "themselves"}, {"i'm", "they're"}, {"i've", "they've"}, {"i'd", "they'd"}, {"i'll", "they'll"}};
    static const std::map<std::string, std::string> secondPerson = {
        {"your", "their"},    {"yours", "theirs"},  {"yourself", "themselves"}, {"you're", "they're"},
        {"you've", "they've"}, {"you'd", "they'd"},  {"you'll", "they'll"}};
    const std::string folded = foldCase(phrase);
    std::vector<std::string> forms = {folded};
    const auto rewrite = [&](const std::map<std::string, std::string>& table, const char* you) {
        bool afterI = false;
        return rewriteWords(folded, [&](const std::string& word, const std::string& lower) {
            std::string out = word;
            if (const auto it = table.find(lower); it != table.end()) out = it->second;
            else if (lower == "you" && you != nullptr) out = you;
            else if (afterI && lower == "am") out = "are";
            else if (afterI && lower == "was") out = "were";
            afterI = lower == "i";
            return out;
        });
    };
    for (const auto& form : {rewrite(firstPerson, nullptr), rewrite(secondPerson, "they"), rewrite(secondPerson, "them")})
        if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
    return forms;
}
}  // namespace

double FixtureSetScore::recall() const
{
    int expected = 0;
    int found = 0;
    for (const auto& [c, counts] : perCategory) {
        expected += counts.expectedPresent;
        found += counts.foundPresent;
    }
    return expected == 0 ? 1.0 : static_cast<double>(found) / expected;
}

double FixtureSetScore::sectionRecall() const
{
    int expected = 0;
    int found = 0;
    for (const auto& [s, counts] : perSection) {
        expected += counts.phrasesExpected;
        found += counts.phrasesFound;
    }
    return expected == 0 ? 1.0 : static_cast<double>(found) / expected;
}

int FixtureSetScore::sectionsFilledWhenEmpty() const
{
    int n = 0;
    for (const auto& [s, counts] : perSection) n += counts.filledWhenEmpty;
    return n;
}

double FixtureSetScore::precision() const
{
    int drafted = 0;
    int correct = 0;
    for (const auto& [c, counts] : perCategory) {
        drafted += counts.draftedPresent;
        correct += counts.correctPresent;
    }
    return drafted == 0 ? 1.0 : static_cast<double>(correct) / drafted;
}

Result<void> scoreLabelledDraft(const std::string& name, const nlohmann::json& expected, const Draft& draft,
                                FixtureSetScore& score)
{
    ++score.files;
    // Named copies: iterating items() of a temporary would dangle.
    const nlohmann::json risks = expected.value("risks", nlohmann::json::object());
    const nlohmann::json conflicting = expected.value("conflicting", nlohmann::json::array());
    const nlohmann::json aspectLabels = expected.value("aspects", nlohmann::json::object());
    const nlohmann::json forbidden = expected.value("forbidden", nlohmann::json::array());

    for (const auto& [key, want] : risks.items()) {
        const auto category = riskCategoryFromKey(key);
        if (!category || !want.is_string()) return makeError(ErrorCode::InvalidInput, name + ": bad label " + key);
        const std::string wanted = want.get<std::string>();
        const RiskFlag* flag = draft.risk(*category);
        const std::string got = statusName(flag);
        auto& counts = score.perCategory[*category];
        ++score.labels;
        if (got == wanted) ++score.labelsCorrect;
        else score.misses.push_back(name + ": " + key + " drafted " + got + ", labelled " + wanted);
        if (wanted == "present") ++counts.expectedPresent;
        if (wanted == "present" && got == "present") ++counts.foundPresent;
        if (got == "present") {
            ++counts.draftedPresent;
            if (wanted == "present") ++counts.correctPresent;
        }
        if ((wanted == "present" || wanted == "historical") && got == "denied") ++score.dangerousDenials;
        if (wanted == "present" && got == "absent" &&
            (*category == RiskCategory::SuicidalIdeation || *category == RiskCategory::SelfHarmThreats))
            ++score.dangerousOmissions;
    }
    for (const auto& key : conflicting) {
        ++score.conflictingExpected;
        const auto category = riskCategoryFromKey(key.get<std::string>());
        const RiskFlag* flag = category ? draft.risk(*category) : nullptr;
        if (flag && flag->conflicting) ++score.conflictingFound;
        else score.misses.push_back(name + ": " + key.get<std::string>() + " not marked conflicting");
    }
    for (const auto& [key, aspects] : aspectLabels.items()) {
        const auto category = riskCategoryFromKey(key);
        const RiskFlag* flag = category ? draft.risk(*category) : nullptr;
        for (const auto& [aspectKey, want] : aspects.items()) {
            ++score.aspectsExpected;
            const auto aspect = riskAspectFromKey(aspectKey);
            std::string got = "absent";
            if (flag && aspect)
                if (const auto it = flag->aspects.find(*aspect); it != flag->aspects.end()) got = toKey(it->second.status);
            if (got == want.get<std::string>()) ++score.aspectsCorrect;
            else score.misses.push_back(name + ": " + key + "." + aspectKey + " drafted " + got + ", labelled " +
                                        want.get<std::string>());
        }
    }
    std::string note;
    for (Section s : kAllSections)
        if (const auto& list = draft.section(s))
            for (const auto& st : *list) note += foldCase(st.text) + "\n";
    // Forbidden phrases are matched as written: "they want to die" is forbidden where the note
    // must not turn someone else's quoted "I want to die" into the client's.
    for (const auto& phrase : forbidden)
        if (note.find(foldCase(phrase.get<std::string>())) != std::string::npos) {
            ++score.fabricated;
            score.misses.push_back(name + ": the note says \"" + phrase.get<std::string>() + "\"");
        }

    // Sections: null must stay empty; each key phrase must appear in its own section.
    const nlohmann::json sections = expected.value("sections", nlohmann::json::object());
    for (const auto& [key, want] : sections.items()) {
        const auto section = sectionFromKey(key);
        if (!section) return makeError(ErrorCode::InvalidInput, name + ": bad section " + key);
        const auto& drafted = draft.section(*section);
        auto& counts = score.perSection[*section];
        if (want.is_null()) {
            ++counts.expectedEmpty;
            if (drafted && !drafted->empty()) {
                ++counts.filledWhenEmpty;
                score.misses.push_back(name + ": " + key + " should be empty but says \"" + drafted->front().text + "\"");
            }
            continue;
        }
        if (!want.is_array()) return makeError(ErrorCode::InvalidInput, name + ": bad section label " + key);
        std::string text;
        if (drafted)
            for (const auto& st : *drafted) text += foldCase(st.text) + "\n";
        for (const auto& phrase : want) {
            if (!phrase.is_string()) return makeError(ErrorCode::InvalidInput, name + ": bad key phrase in " + key);
            ++counts.phrasesExpected;
            const auto forms = phraseForms(phrase.get<std::string>());
            if (std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return text.find(f) != std::string::npos; }))
                ++counts.phrasesFound;
            else score.misses.push_back(name + ": " + key + " lacks \"" + phrase.get<std::string>() + "\"");
        }
    }
    return Ok{};
}

Result<FixtureSetScore> scoreRiskFixtures(const std::filesystem::path& dir, NoteEngine& engine)
{
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path());
    if (ec) return makeError(ErrorCode::NotFound, "Cannot read the fixture folder " + dir.string() + ".");
    std::sort(files.begin(), files.end());
    FixtureSetScore score;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        const std::string name = file.stem().string();
        auto transcript = parseTranscript(text.str());
        const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
        if (!transcript || !doc.is_object() || !doc.contains("expected"))
            return makeError(ErrorCode::InvalidInput, file.string() + " is not a labelled transcript.");
        auto draft = DraftPipeline(engine).run(transcript.value());
        if (!draft) return draft.error();
        if (auto scored = scoreLabelledDraft(name, doc["expected"], draft.value(), score); !scored) return scored.error();
    }
    return score;
}

}  // namespace noteward::core::notes
