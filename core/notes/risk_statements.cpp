#include "notes/risk_statements.h"

#include "notes/note_phrasing.h"
#include "notes/reported_speech.h"
#include "notes/risk_detector.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace noteward::core::notes {

// A bare answer ("No.", "Not really.") with the short sentences that follow it in the same
// turn, verbatim: "No. No plans. I wouldn't do that to my mum." says more than its "No." does,
// and a clinician reads the denial with its reasons. At most two more sentences of at most
// twelve words each, none a question, none naming or quoting someone else; the text is an
// exact substring of the segment.
namespace {
// Whether `text` gives anyone else's words or doings: reported or quoted speech ("That's what
// Mum kept saying.", curly quotes too), or anyone else named ("my friend", "she", "his").
bool givesSomeoneElses(std::string_view text)
{
    static const auto attributions = phrases({"that's what", "that is what", "is what", "was what", "what she", "what he"});
    for (std::string_view mark : {"\"", "\u2018", "\u201c", "\u201d"})
        if (text.find(mark) != std::string_view::npos) return true;
    for (const Span& span : splitSentences(text)) {
        const std::string_view sentence = span.of(text);
        if (reportedSpeechStart(sentence) != kNoReportedSpeech || sentence.find('\'') == 0) return true;
        const auto said = words(sentence);
        if (std::any_of(said.begin(), said.end(), [](const std::string& w) { return namesSomeoneElse(w); })) return true;
        if (std::any_of(attributions.begin(), attributions.end(), [&](const auto& p) { return findPhrase(said, p) != npos; }))
            return true;
    }
    return false;
}
}  // namespace

std::string answerGoingOn(const Segment& seg, const std::string& quote, std::size_t bare)
{
    if (words(quote).size() > bare) return quote;
    const std::size_t at = seg.text.find(quote);
    // Found once only: a repeated "No." would be carried on from the wrong place.
    if (at == std::string::npos || seg.text.find(quote, at + 1) != std::string::npos) return quote;
    // Not at all when the rest of the turn gives anyone else's words or doings: the speaker may
    // be named after the words ("No. I just want it all to end. That's what Mum kept saying.").
    if (givesSomeoneElses(std::string_view(seg.text).substr(at + quote.size()))) return quote;
    std::size_t end = at + quote.size();
    int added = 0;
    for (const Span& span : splitSentences(seg.text)) {
        if (span.begin < end) continue;
        const std::string_view next = span.of(seg.text);
        if (added == 2 || words(next).size() > 12 || next.find('?') != std::string_view::npos) break;
        end = span.end;
        ++added;
    }
    return seg.text.substr(at, end - at);
}

std::string restate(const Segment& segment, std::string_view sentence)
{
    const std::string cleaned = withoutFillers(sentence);
    if (isClient(segment)) return clientSays("Client said that ", sentence);
    // Speakers not yet set by the therapist (machine transcripts) are reported as such.
    const bool unnamed = segment.speaker.empty() || segment.speaker == "unknown";
    if (unnamed) return "A speaker said: " + cleaned;
    // A therapist's question whose answer is not evidence stands as what was asked.
    if (isTherapist(segment) && cleaned.find('?') != std::string::npos) return "Therapist asked: " + upperFirst(cleaned);
    std::string speaker = segment.speaker;
    speaker[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(speaker[0])));
    return speaker + " said: " + cleaned;
}

// The risk section's statements: each piece of evidence (a flag's and its aspects') restated
// once, a therapist's question together with the answer that followed it.
std::vector<Statement> riskStatements(const RiskFlag& flag, const Transcript& transcript)
{
    // What a clinician needs first comes first: the flag's own evidence, then plan, means,
    // timeframe and the rest in the order of the aspects; each says which it is by its rule.
    std::vector<Evidence> pieces = flag.evidence;
    std::vector<std::string> rules(pieces.size(), "risk." + std::string(toKey(flag.category)) + "." +
                                                      std::string(toKey(flag.status)));
    for (const auto& [aspect, finding] : flag.aspects) {
        pieces.insert(pieces.end(), finding.evidence.begin(), finding.evidence.end());
        rules.resize(pieces.size(), "risk." + std::string(toKey(flag.category)) + "." + std::string(toKey(aspect)));
    }
    std::map<std::string, std::size_t> position;  // segment id → its place in the transcript
    for (std::size_t k = 0; k < transcript.segments.size(); ++k) position[transcript.segments[k].id] = k;
    const auto placeOf = [&](const std::string& id) {
        const auto it = position.find(id);
        return it == position.end() ? std::size_t(0) : it->second;
    };
    std::vector<Statement> out;
    std::set<std::pair<std::string, std::string>> done;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Evidence& e = pieces[i];
        if (done.count({e.segment, e.quote})) continue;
        done.insert({e.segment, e.quote});
        const Segment* seg = transcript.find(e.segment);
        if (seg == nullptr) continue;
        if (isTherapist(*seg)) {
            // The answer: a client's piece of evidence in the two segments after the question
            // (an aspect's pieces may come after another aspect's).
            std::size_t j = i + 1;
            for (; j < pieces.size(); ++j) {
                const Segment* a = transcript.find(pieces[j].segment);
                const std::size_t after = placeOf(pieces[j].segment), asked = placeOf(e.segment);
                if (a != nullptr && isClient(*a) && after > asked && after <= asked + 2 && !done.count({pieces[j].segment, pieces[j].quote}))
                    break;
            }
            if (j < pieces.size()) {
                const Evidence& answer = pieces[j];
                done.insert({answer.segment, answer.quote});
                // The answer verbatim: its "Yes," or "No," is the point.
                out.push_back({"Therapist asked: " + upperFirst(withoutFillers(e.quote)) + " Client answered: " +
                                   answerGoingOn(*transcript.find(answer.segment), answer.quote),
                               {e.segment, answer.segment},
                               Origin::Transcript,
                               rules[j]});
                continue;
            }
        }
        // A short disclosure with what the client goes on to say of it: "And I've written
        // letters. One for Mum, one for Kayleigh. They're in the glovebox."
        const std::string said = isClient(*seg) ? answerGoingOn(*seg, e.quote, 8) : e.quote;
        out.push_back({restate(*seg, said), {e.segment}, Origin::Transcript, rules[i]});
    }
    // A restatement that another one already holds whole (a quote and the same quote gone on
    // with) is said once.
    std::vector<Statement> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const bool within = std::any_of(out.begin(), out.end(), [&](const Statement& other) {
            return &other != &out[i] && other.text.size() > out[i].text.size() && other.sources == out[i].sources &&
                   other.text.find(out[i].text.substr(out[i].text.find(' ') + 1)) != std::string::npos;
        });
        if (!within) kept.push_back(out[i]);
    }
    return kept;
}

}  // namespace noteward::core::notes
