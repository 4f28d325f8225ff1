#include "notes/grounding_verifier.h"

#include "notes/reported_speech.h"
#include "notes/risk_detector.h"

#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace noteward::core::notes {

namespace {
// Words a restatement may add without adding facts: who spoke and how it is reported.
const std::set<std::string>& framingWords()
{
    static const std::set<std::string> framing = {
        "client", "therapist", "said", "says", "reported", "reports", "described", "describes", "stated",
        "asked", "answered", "agreed", "noted", "discussed", "explained", "mentioned", "told", "that", "they",
        "they're", "they've", "they'd", "they'll", "them", "their", "theirs", "themselves", "are", "were",
        "session", "speaker", "a"};
    return framing;
}

// The note's own headings ("Homework set: …", "Agenda item: …") say where a line belongs, not
// a fact: only a leading one is set aside, so "homework" or "next" elsewhere in a line must
// still come from the transcript.
std::string_view withoutHeading(std::string_view text)
{
    static const std::vector<std::string_view> headings = {
        "Agenda item:", "In session:", "Homework set:", "Homework suggested:", "Next session:", "Next steps:",
        "Homework review:", "Homework review "};
    for (const auto heading : headings)
        if (text.substr(0, heading.size()) == heading) return text.substr(heading.size());
    return text;
}

// Terms whose presence in a note must be traceable to the transcript exactly: the kinds of
// detail that fabricated notes have invented (substances, diagnoses, life events).
const std::set<std::string>& criticalTerms()
{
    static const std::set<std::string> terms = {
        // substances
        "alcohol", "drink", "drinks", "drinking", "drunk", "beer", "wine", "vodka", "spirits", "cannabis",
        "weed", "cocaine", "coke", "heroin", "crack", "ketamine", "mdma", "ecstasy", "amphetamine", "amphetamines",
        "speed", "spice", "opioids", "opiates", "methadone", "benzodiazepines", "diazepam", "valium", "codeine",
        "tramadol", "gambling", "drugs", "substance", "substances",
        // diagnoses
        "depression", "depressive", "ptsd", "bipolar", "schizophrenia", "psychosis", "psychotic", "ocd", "adhd",
        "autism", "autistic", "bpd", "eupd", "personality", "anorexia", "bulimia", "eating", "gad", "panic",
        "agoraphobia", "dementia", "diagnosis", "diagnosed",
        // events
        "abuse", "abused", "abusive", "assault", "assaulted", "rape", "raped", "violence", "violent",
        "divorce", "divorced", "died", "death", "dead", "funeral", "bereavement", "arrested", "arrest", "police",
        "prison", "overdose", "overdosed", "hospital", "admitted", "sectioned", "redundant", "sacked", "fired",
        "pregnant", "pregnancy", "miscarriage", "attack", "attacked", "affair", "accident", "homeless",
        "eviction", "evicted", "suicide", "suicidal", "self-harm", "cut", "cutting"};
    return terms;
}

std::set<std::string> stemsOf(std::string_view text)
{
    std::set<std::string> out;
    for (const auto& w : words(text)) {
        out.insert(w);
        out.insert(stem(w));
    }
    return out;
}

bool hasDigit(std::string_view w)
{
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Capitalised words inside the statement (not its first word): names, places, days.
std::vector<std::string> properNouns(std::string_view text)
{
    std::vector<std::string> out;
    bool first = true;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) {
            const bool capital = current[0] >= 'A' && current[0] <= 'Z';
            if (capital && !first && current != "I" && current.rfind("I'", 0) != 0 && current != "Client" &&
                current != "Therapist")
                out.push_back(current);
            first = false;
        }
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        // General punctuation (U+2000–U+206F: curly quotes, dashes, the ellipsis) is no part of
        // a word: "“Dave”" and "boss—Dave" name Dave. A right single quote inside a word is its
        // apostrophe ("Zoë’s"), as words() reads it.
        if (byte == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                                                     static_cast<unsigned char>(text[i + 1]) == 0x81)) {
            const bool apostrophe = static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                    static_cast<unsigned char>(text[i + 2]) == 0x99 && !current.empty();
            if (apostrophe) {
                current.push_back('\'');
            } else {
                flush();
                if (static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0xA6)
                    first = true;  // … ends a sentence
            }
            i += 2;
            continue;
        }
        // A word as words() reads it, so "T-shirt" and "Zoë" are checked whole, not as "T" or "Zo".
        if (std::isalnum(byte) || c == '\'' || byte >= 0x80 || (c == '-' && !current.empty())) {
            current.push_back(c);
        } else {
            flush();
            // A new sentence (or a "Label:") starts over: its first word may be capitalised.
            if (c == '.' || c == '!' || c == '?' || c == ':') first = true;
        }
    }
    flush();
    return out;
}

bool containsWordCaseInsensitive(const std::set<std::string>& sourceWords, const std::string& word)
{
    const auto normalised = words(word);  // lower case, curly apostrophes straightened
    return !normalised.empty() && std::all_of(normalised.begin(), normalised.end(),
                                              [&](const std::string& w) { return sourceWords.count(w) > 0; });
}
}  // namespace

std::optional<std::string> GroundingVerifier::problemWith(const Statement& statement) const
{
    if (statement.origin == Origin::Therapist) return std::nullopt;  // the therapist's own words
    if (statement.text.empty()) return "empty";
    if (statement.sources.empty()) return "no_sources";
    if (statement.origin == Origin::PreviousNote) {
        const bool cited = m_previous && statement.sources.size() == 1 && statement.sources[0] == "note:" + m_previous->hash;
        return cited ? std::nullopt : std::optional<std::string>("unknown_previous_note");
    }

    std::string cited;
    for (const auto& id : statement.sources) {
        const Segment* seg = m_transcript.find(id);
        if (!seg) return "unknown_source:" + id;
        cited += seg->text;
        cited += '\n';
    }
    const std::set<std::string> sourceWords = stemsOf(cited);

    for (const auto& noun : properNouns(statement.text))
        if (!containsWordCaseInsensitive(sourceWords, noun)) return "unsupported_detail:" + noun;

    std::size_t content = 0;
    std::size_t found = 0;
    for (const auto& w : words(withoutHeading(statement.text))) {
        if (hasDigit(w) && sourceWords.count(w) == 0) return "unsupported_detail:" + w;
        if (criticalTerms().count(w) && sourceWords.count(w) == 0 && sourceWords.count(stem(w)) == 0)
            return "unsupported_detail:" + w;
        if (isStopword(w) || framingWords().count(w)) continue;
        ++content;
        if (sourceWords.count(w) || sourceWords.count(stem(w))) ++found;
    }
    if (content == 0) return "no_content";
    // Most content words must come from the cited text; a few connecting words may not.
    if (static_cast<double>(found) < 0.8 * static_cast<double>(content)) return "ungrounded";
    if (misattributesReportedSpeech(statement)) return "misattributed_speech";
    return std::nullopt;
}

bool GroundingVerifier::misattributesReportedSpeech(const Statement& statement) const
{
    // A statement that itself names the other speaker ("her mum said …") or quotes the words
    // keeps their speaker; one that does neither may not be built from someone else's words.
    if (statement.text.find('"') != std::string::npos || reportedSpeechStart(statement.text) != kNoReportedSpeech)
        return false;
    std::set<std::string> ownWords;
    std::set<std::string> reportedWords;
    for (const auto& id : statement.sources) {
        const Segment* seg = m_transcript.find(id);
        if (!seg || !isClient(*seg)) continue;
        for (const Span& span : splitSentences(seg->text)) {
            const std::string_view sentence = span.of(seg->text);
            const std::size_t at = reportedSpeechStart(sentence);
            for (const auto& w : words(sentence.substr(0, at == kNoReportedSpeech ? sentence.size() : at)))
                ownWords.insert(stem(w));
            if (at != kNoReportedSpeech)
                for (const auto& w : words(sentence.substr(at))) reportedWords.insert(stem(w));
        }
    }
    std::size_t borrowed = 0;
    for (const auto& w : words(withoutHeading(statement.text))) {
        if (isStopword(w) || framingWords().count(w)) continue;
        const std::string st = stem(w);
        if (reportedWords.count(st) && !ownWords.count(st)) ++borrowed;
    }
    return borrowed >= 2;
}

std::optional<std::string> GroundingVerifier::problemWith(const RiskFlag& flag) const
{
    if (flag.evidence.empty()) return "no_evidence";
    auto checkAll = [&](const std::vector<Evidence>& list) -> std::optional<std::string> {
        for (const auto& e : list) {
            const Segment* seg = m_transcript.find(e.segment);
            if (!seg) return "unknown_source:" + e.segment;
            if (e.quote.empty() || seg->text.find(e.quote) == std::string::npos)
                return "quote_not_in_segment:" + e.segment;
        }
        return std::nullopt;
    };
    if (auto problem = checkAll(flag.evidence)) return problem;
    for (const auto& [aspect, finding] : flag.aspects)
        if (auto problem = checkAll(finding.evidence)) return problem;
    if (!flag.aspects.empty() && flag.category != RiskCategory::SuicidalIdeation &&
        flag.category != RiskCategory::SelfHarmThreats)
        return "aspects_outside_suicide_and_self_harm";
    return std::nullopt;
}

Draft GroundingVerifier::verify(const std::string& engine, const Extraction& synthesised) const
{
    Draft draft;
    draft.engine = engine;
    draft.rejected = synthesised.rejected;
    for (const auto& candidate : synthesised.statements) {
        const std::string key(toKey(candidate.section));
        if (auto problem = problemWith(candidate.statement)) {
            draft.rejected.push_back({key, candidate.statement.text, *problem});
            continue;
        }
        auto& section = draft.section(candidate.section);
        if (!section) section.emplace();
        section->push_back(candidate.statement);
    }
    for (const auto& flag : synthesised.risks) {
        if (auto problem = problemWith(flag)) {
            draft.rejected.push_back({"risks", std::string(toKey(flag.category)), *problem});
            continue;
        }
        const bool duplicate = std::any_of(draft.risks.begin(), draft.risks.end(),
                                           [&](const RiskFlag& r) { return r.category == flag.category; });
        if (duplicate) {
            draft.rejected.push_back({"risks", std::string(toKey(flag.category)), "duplicate_category"});
            continue;
        }
        draft.risks.push_back(flag);
    }
    // The local engine's flags come from the same detector over the same session: running it
    // again would only repeat them.
    if (engine != "local") keepEveryDisclosure(draft);
    return draft;
}

void GroundingVerifier::keepEveryDisclosure(Draft& draft) const
{
    // Whatever engine drafted, a disclosure the deterministic detector finds is never turned
    // into a denial or left out: a denied flag becomes present (or historical) and
    // conflicting, with both sides' evidence, and a missing category is added.
    for (RiskFlag& found : detectRisks(m_transcript.segments)) {
        if (found.status == RiskStatus::Denied) continue;
        auto existing = std::find_if(draft.risks.begin(), draft.risks.end(),
                                     [&](const RiskFlag& r) { return r.category == found.category; });
        if (existing == draft.risks.end()) {
            draft.risks.push_back(std::move(found));
            continue;
        }
        if (existing->status != RiskStatus::Denied) continue;
        std::vector<Evidence> denial = existing->evidence;
        *existing = std::move(found);
        existing->conflicting = existing->status == RiskStatus::Present;
        for (auto& e : existing->evidence) e.stance = existing->status;
        for (auto& e : denial) {
            e.stance = RiskStatus::Denied;
            existing->evidence.push_back(std::move(e));
        }
    }
}

}  // namespace noteward::core::notes
