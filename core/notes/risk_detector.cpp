#include "notes/risk_detector.h"

#include "notes/text_analysis.h"

#include <algorithm>
#include <map>

namespace noteward::core::notes {

namespace {
using Phrases = std::vector<std::vector<std::string>>;

Phrases phrases(std::initializer_list<std::string_view> texts)
{
    Phrases out;
    for (auto t : texts) out.push_back(words(t));
    return out;
}

// What a client says when a risk is present. Phrases carry their own negations ("don't want
// to be here") so that the negation check looks only before them.
const std::map<RiskCategory, Phrases>& presentCues()
{
    static const std::map<RiskCategory, Phrases> cues = {
        {RiskCategory::SuicidalIdeation,
         phrases({"kill myself", "killing myself", "end my life", "ending my life", "end it all", "take my own life",
                  "taking my own life", "suicide", "suicidal", "better off dead", "better off without me",
                  "wish i was dead", "wish i were dead", "want to die", "wanted to die", "wanting to die",
                  "don't want to be here", "don't want to be alive", "not wake up", "never wake up",
                  "no reason to live", "not worth living", "no point living", "no point in living"})},
        {RiskCategory::SelfHarmThreats,
         phrases({"hurt myself", "hurting myself", "harm myself", "harming myself", "cut myself", "cutting myself",
                  "self-harm", "self harm", "self-harming", "burn myself", "burning myself", "overdose",
                  "take all my pills", "taking all my pills", "scratch myself", "punish myself"})},
        {RiskCategory::NonCompliance,
         phrases({"didn't do the homework", "didn't do my homework", "didn't do any homework",
                  "haven't done the homework", "didn't do the thought record", "didn't do the diary",
                  "didn't do the worksheet", "didn't do it", "stopped taking", "not taking my medication",
                  "not taking my tablets", "didn't bother", "didn't get round to", "didn't get around to",
                  "forgot to do", "skipped my", "didn't try it"})},
        {RiskCategory::Avoidance,
         phrases({"avoid", "avoided", "avoiding", "couldn't face", "can't face", "stayed in", "stayed at home",
                  "stayed in bed", "cancelled", "put it off", "putting it off", "kept away", "keep away",
                  "stay away", "stayed away", "didn't go", "called in sick", "hiding from", "turned back"})},
        {RiskCategory::Rumination,
         phrases({"can't stop thinking", "couldn't stop thinking", "round and round", "over and over",
                  "keep replaying", "kept replaying", "replaying", "dwelling", "dwell on", "ruminating",
                  "keep thinking about", "kept thinking about", "can't switch off", "couldn't switch off",
                  "going over it", "going over and over"})},
        {RiskCategory::Hopelessness,
         phrases({"hopeless", "no point", "what's the point", "nothing will change", "nothing ever changes",
                  "never get better", "won't get better", "no future", "given up", "give up", "no hope",
                  "can't see a way out", "pointless", "nothing to look forward to"})},
        {RiskCategory::AllianceRupture,
         phrases({"isn't helping", "is not helping", "not helping", "isn't working", "waste of time",
                  "you don't understand", "you don't get it", "you're not listening", "you aren't listening",
                  "don't want to come", "why should i trust you", "don't trust you", "not sure this is for me",
                  "thinking of stopping", "stop coming", "pointless coming"})},
    };
    return cues;
}

// What a therapist says when asking about a category.
const std::map<RiskCategory, Phrases>& questionCues()
{
    static const std::map<RiskCategory, Phrases> cues = {
        {RiskCategory::SuicidalIdeation,
         phrases({"suicide", "suicidal", "kill yourself", "killing yourself", "end your life", "ending your life",
                  "take your own life", "taking your own life", "wanting to die", "want to die",
                  "better off dead", "not wanting to be here", "thoughts of ending"})},
        {RiskCategory::SelfHarmThreats,
         phrases({"harm yourself", "harming yourself", "hurt yourself", "hurting yourself", "self-harm",
                  "self harm", "cut yourself", "cutting yourself"})},
        {RiskCategory::NonCompliance,
         phrases({"taking your medication", "taking your tablets", "manage the homework", "do the homework"})},
        {RiskCategory::Avoidance, phrases({"avoiding", "avoid"})},
        {RiskCategory::Rumination, phrases({"dwelling", "going over", "can't stop thinking", "ruminating"})},
        {RiskCategory::Hopelessness, phrases({"hopeless", "hope for the future", "no point"})},
        {RiskCategory::AllianceRupture,
         phrases({"finding the sessions", "finding our sessions", "finding therapy", "sessions helpful",
                  "therapy helpful", "upset you"})},
    };
    return cues;
}

const Phrases& denialOpeners()
{
    static const Phrases openers = phrases({"no", "nope", "never", "not really", "not at all", "nothing like that",
                                            "definitely not", "i haven't", "i have not", "i don't", "i'm not",
                                            "none", "no no", "not since"});
    return openers;
}

bool startsWith(const std::vector<std::string>& tokens, const std::vector<std::string>& phrase)
{
    return tokens.size() >= phrase.size() && std::equal(phrase.begin(), phrase.end(), tokens.begin());
}

struct Hit {
    Span sentence;
};

// The sentence of `segment` in which `category` is present for the speaker, if any.
std::optional<Span> presentIn(const Segment& segment, RiskCategory category)
{
    const Phrases& cues = presentCues().at(category);
    for (const Span& sentence : splitSentences(segment.text)) {
        const std::string_view text = sentence.of(segment.text);
        if (looksLikeInstruction(text)) continue;
        for (const Span& clause : splitClauses(text)) {
            const auto tokens = words(clause.of(text));
            if (aboutSomeoneElse(tokens)) continue;
            for (const auto& cue : cues) {
                const std::size_t at = findPhrase(tokens, cue);
                if (at != npos && !negatedAt(tokens, at)) return sentence;
            }
        }
    }
    return std::nullopt;
}

std::optional<Span> questionIn(const Segment& segment, RiskCategory category)
{
    for (const Span& sentence : splitSentences(segment.text)) {
        const std::string_view text = sentence.of(segment.text);
        if (text.find('?') == std::string_view::npos) continue;
        const auto tokens = words(text);
        for (const auto& cue : questionCues().at(category))
            if (findPhrase(tokens, cue) != npos) return sentence;
    }
    return std::nullopt;
}

std::optional<Span> denialIn(const Segment& segment)
{
    const auto sentences = splitSentences(segment.text);
    if (sentences.empty()) return std::nullopt;
    const auto tokens = words(sentences.front().of(segment.text));
    for (const auto& opener : denialOpeners())
        if (startsWith(tokens, opener)) return sentences.front();
    return std::nullopt;
}

void addEvidence(std::vector<RiskFlag>& flags, RiskCategory category, RiskStatus status,
                 std::vector<Evidence> evidence)
{
    for (auto& f : flags) {
        if (f.category != category) continue;
        if (f.status == RiskStatus::Denied && status == RiskStatus::Present) {
            // Indicated later in the same session outweighs an earlier denial.
            f.status = RiskStatus::Present;
            f.evidence.clear();
        }
        if (f.status == status)
            for (auto& e : evidence)
                if (f.evidence.size() < 3) f.evidence.push_back(std::move(e));
        return;
    }
    flags.push_back({category, status, std::move(evidence)});
}
}  // namespace

bool isClient(const Segment& segment) { return segment.speaker == "client" || segment.speaker == "patient"; }
bool isTherapist(const Segment& segment) { return segment.speaker == "therapist" || segment.speaker == "clinician"; }

bool looksLikeInstruction(std::string_view sentence)
{
    static const Phrases markers = phrases({"ignore previous", "ignore all previous", "ignore the previous",
                                            "ignore the above", "ignore your instructions", "disregard previous",
                                            "disregard the above", "disregard your", "system prompt",
                                            "you are now", "as an ai", "new instructions", "write that the client",
                                            "record that the client", "mark the client", "flag the client",
                                            "language model", "in the note write", "put in the notes"});
    const auto tokens = words(sentence);
    return std::any_of(markers.begin(), markers.end(), [&](const auto& m) { return findPhrase(tokens, m) != npos; });
}

bool aboutSomeoneElse(const std::vector<std::string>& clauseWords)
{
    static const std::vector<std::string_view> self = {"i", "i'm", "i've", "i'd", "i'll", "me", "myself"};
    static const std::vector<std::string_view> others = {
        "he", "she", "he's", "she's", "his", "her", "him", "himself", "herself", "themselves", "friend", "friend's",
        "brother", "brother's", "sister", "sister's", "mum", "mum's", "mother", "dad", "dad's", "father", "son",
        "daughter", "partner", "partner's", "husband", "wife", "boyfriend", "girlfriend", "colleague", "cousin",
        "uncle", "aunt", "auntie", "neighbour", "nan", "grandad", "grandma", "grandpa", "someone", "somebody",
        "client", "patient", "people", "everyone", "mate", "boss"};
    auto in = [&](const std::vector<std::string_view>& list, const std::string& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    const bool mentionsSelf = std::any_of(clauseWords.begin(), clauseWords.end(), [&](const auto& w) { return in(self, w); });
    const bool mentionsOther =
        std::any_of(clauseWords.begin(), clauseWords.end(), [&](const auto& w) { return in(others, w); });
    return mentionsOther && !mentionsSelf;
}

bool negatedAt(const std::vector<std::string>& tokens, std::size_t at)
{
    static const std::vector<std::string_view> negators = {
        "no", "not", "never", "don't", "didn't", "doesn't", "haven't", "hasn't", "hadn't", "wasn't", "weren't",
        "isn't", "aren't", "won't", "wouldn't", "can't", "couldn't", "nothing", "none", "without", "nor", "stopped"};
    const std::size_t from = at >= 4 ? at - 4 : 0;
    for (std::size_t i = from; i < at; ++i)
        if (std::find(negators.begin(), negators.end(), tokens[i]) != negators.end()) return true;
    return false;
}

std::vector<RiskFlag> detectRisks(std::span<const Segment> segments)
{
    std::vector<RiskFlag> flags;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& seg = segments[i];
        if (isClient(seg)) {
            for (RiskCategory category : kAllRiskCategories)
                if (auto sentence = presentIn(seg, category))
                    addEvidence(flags, category, RiskStatus::Present,
                                {{seg.id, std::string(sentence->of(seg.text))}});
        } else if (isTherapist(seg)) {
            for (RiskCategory category : kAllRiskCategories) {
                const auto question = questionIn(seg, category);
                if (!question) continue;
                // The client's next turn, if it follows directly, is the answer.
                for (std::size_t j = i + 1; j < segments.size() && j <= i + 2; ++j) {
                    if (isTherapist(segments[j])) break;
                    if (!isClient(segments[j])) continue;
                    const auto denial = denialIn(segments[j]);
                    if (denial && !presentIn(segments[j], category))
                        addEvidence(flags, category, RiskStatus::Denied,
                                    {{seg.id, std::string(question->of(seg.text))},
                                     {segments[j].id, std::string(denial->of(segments[j].text))}});
                    break;
                }
            }
        }
    }
    return flags;
}

}  // namespace noteward::core::notes
