#include "notes/local_engine.h"

#include "notes/reported_speech.h"

#include "notes/risk_detector.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace noteward::core::notes {

namespace {
struct SectionCues {
    Section section;
    int priority;  // breaks ties: the more specific section wins
    std::vector<std::vector<std::string>> phrases;
};

std::vector<std::vector<std::string>> phrases(std::initializer_list<std::string_view> texts)
{
    std::vector<std::vector<std::string>> out;
    for (auto t : texts) out.push_back(words(t));
    return out;
}

const std::vector<SectionCues>& sectionCues()
{
    static const std::vector<SectionCues> cues = {
        {Section::HomeworkGiven, 6,
         phrases({"for next week", "before next session", "before our next session", "before we meet",
                  "this coming week", "over the next week", "between now and", "your homework",
                  "homework for", "i'd like you to", "could you try", "would you be willing to",
                  "can you try", "agreed to try", "i'll try to", "i will try to", "i'll have a go",
                  "for this week", "so for this week", "before next week", "for homework", "as homework",
                  "between sessions", "i want you to", "your task", "this week try", "this week i'd like"})},
        {Section::NextSteps, 5,
         phrases({"next session", "next time", "next appointment", "next week we", "follow up", "follow-up",
                  "refer", "referral", "your gp", "book in", "booked", "see you next", "plan is", "we'll review",
                  "we will review", "in our next", "session after"})},
        {Section::HomeworkReview, 4,
         phrases({"homework", "thought record", "thought records", "the diary", "activity diary", "worksheet",
                  "did you manage", "did you get a chance", "managed to do", "filled in", "filled it in",
                  "last week's task", "the task", "the exercise", "behavioural experiment", "activity schedule"})},
        {Section::Activities, 3,
         phrases({"let's", "let us", "shall we", "we could look at", "together", "role play", "role-play",
                  "evidence for", "evidence against", "alternative thought", "balanced thought",
                  "five areas", "formulation", "vicious cycle", "hot thought", "thinking error",
                  "thinking errors", "catastrophising", "downward arrow", "breathing", "grounding",
                  "out of 100", "out of ten", "percent", "problem solving", "pros and cons", "exposure",
                  "hierarchy", "rate how", "rate that"})},
        {Section::WeekReview, 2,
         phrases({"this week", "last week", "past week", "the week", "since we last met", "since last time",
                  "since our last session", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "how has your week", "how's your week", "how was your week"})},
        {Section::Agenda, 1,
         phrases({"agenda", "talk about today", "focus on today", "cover today", "look at today", "discuss today",
                  "want to talk about", "like to talk about", "want to focus on", "like to focus on",
                  "put on the agenda", "for today", "work on today", "today i'd like", "today we"})},
    };
    return cues;
}

// Words and phrases removed when restating speech: they carry nothing for the note.
std::string withoutFillers(std::string_view text)
{
    static const std::vector<std::string_view> fillers = {"um, ", "uh, ", "erm, ", "er, ", "you know, ",
                                                          ", you know", ", like,", "um ", "uh ", "erm "};
    std::string out(text);
    // Whole words only: "er, " is a filler, but not the end of "together, " or "never, ".
    const auto startsWord = [&out](std::size_t at) {
        if (at == 0) return true;
        const unsigned char before = static_cast<unsigned char>(out[at - 1]);
        return !std::isalnum(before) && before != '\'' && before < 0x80;
    };
    for (auto f : fillers) {
        for (std::size_t at = out.find(f); at != std::string::npos; at = out.find(f, at)) {
            if (f.front() == ',' || startsWord(at)) out.erase(at, f.size());
            else ++at;
        }
    }
    // Openers that carry nothing ("Yes, and I want…"); never "No," which carries the answer.
    static const std::vector<std::string_view> openers = {"So ", "so ", "Well, ", "well, ", "Yeah, ", "yeah, ",
                                                          "Yes, ", "yes, ", "And ", "and ", "Okay, ", "OK, ",
                                                          "Right, "};
    for (bool changed = true; changed;) {
        changed = false;
        for (auto o : openers)
            if (out.rfind(o, 0) == 0) {
                out.erase(0, o.size());
                changed = true;
            }
    }
    if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out.push_back('.');
    return out;
}

// `settingByTherapist`: the therapist says it, and not as a question. Then a phrase that sets
// work for the week ("for homework this week: …", "I'd like you to …") decides the section,
// whatever the task is called: naming the thought record does not make it a review of one.
std::optional<Section> sectionOf(std::string_view sentence, bool early, bool settingByTherapist)
{
    const auto tokens = words(sentence);
    if (settingByTherapist)
        for (const auto& cue : sectionCues())
            if (cue.section == Section::HomeworkGiven)
                for (const auto& p : cue.phrases)
                    if (findPhrase(tokens, p) != npos) return Section::HomeworkGiven;
    std::optional<Section> best;
    int bestScore = 0;
    int bestPriority = 0;
    for (const auto& cue : sectionCues()) {
        int score = 0;
        for (const auto& p : cue.phrases)
            if (findPhrase(tokens, p) != npos) score += static_cast<int>(p.size());
        if (cue.section == Section::Agenda && !early) score = 0;  // agendas are set at the start
        if (score > bestScore || (score == bestScore && score > 0 && cue.priority > bestPriority)) {
            best = cue.section;
            bestScore = score;
            bestPriority = cue.priority;
        }
    }
    return best;
}

// "This week was hard." reads "Client said that this week was hard."; names keep capitals.
std::string continuing(std::string text)
{
    const std::size_t end = text.find_first_of(" ,;:.!?");
    const auto first = words(text.substr(0, end));
    static const std::set<std::string> adverbs = {"honestly", "maybe", "sometimes", "actually", "basically",
                                                   "some", "everything", "nothing", "things", "work", "last"};
    if (!first.empty() && (isStopword(first[0]) || adverbs.count(first[0])) && text[0] >= 'A' && text[0] <= 'Z' &&
        first[0] != "i")
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string clientSaid(std::string_view sentence)
{
    // Someone else's words keep their speaker and their pronouns: only the client's own part
    // is put in the third person, and the reported words are quoted as spoken.
    const std::string cleaned = withoutFillers(sentence);
    const std::size_t reported = reportedSpeechStart(cleaned);
    if (reported == kNoReportedSpeech) return "Client said that " + continuing(toThirdPerson(cleaned));
    std::string own = toThirdPerson(cleaned.substr(0, reported));
    while (!own.empty() && (own.back() == ' ' || own.back() == ',' || own.back() == ':')) own.pop_back();
    return "Client said that " + continuing(own) + ": \"" + cleaned.substr(reported) + "\"";
}

std::string asciiLower(std::string_view text)
{
    std::string out;
    for (char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return out;
}

// Rewrites `text` word by word (letters, apostrophes and non-ASCII bytes make a word);
// `replace` gets each word as written and lower-cased, and returns what to write.
std::string rewriteWords(std::string_view text, const std::function<std::string(const std::string&, const std::string&)>& replace)
{
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        out += replace(word, asciiLower(word));
        word.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '\'' || u >= 0x80) {
            word.push_back(c);
        } else {
            flush();
            out.push_back(c);
        }
    }
    flush();
    return out;
}

// The therapist's "you" is the client: "your sister" is written "their sister".
std::string addressedToClient(std::string_view text)
{
    static const std::map<std::string, std::string> pronouns = {
        {"you", "they"}, {"you're", "they're"}, {"you've", "they've"}, {"you'd", "they'd"}, {"you'll", "they'll"},
        {"your", "their"}, {"yours", "theirs"}, {"yourself", "themselves"}};
    return rewriteWords(text, [](const std::string& word, const std::string& lower) {
        const auto it = pronouns.find(lower);
        return it == pronouns.end() ? word : it->second;
    });
}

// The rest of `text` after the first of `openers` that starts a word (case ignored), without
// the punctuation that follows it; nullopt when none is there or too little follows.
std::optional<std::string> afterOpener(const std::string& text, const std::vector<std::string_view>& openers)
{
    const std::string lower = asciiLower(text);
    std::size_t best = std::string::npos, end = 0;
    for (auto o : openers)
        for (std::size_t at = lower.find(o); at != std::string::npos; at = lower.find(o, at + 1))
            if ((at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]))) && at < best) {
                best = at;
                end = at + o.size();
                break;
            }
    if (best == std::string::npos) return std::nullopt;
    std::string rest = text.substr(end);
    // "For next week, I'd like you to go…": openers in a row are all dropped.
    for (bool stripped = true; stripped;) {
        stripped = false;
        const auto start = rest.find_first_not_of(" :,;-");
        if (start == std::string::npos) return std::nullopt;
        rest = rest.substr(start);
        const std::string head = asciiLower(rest.substr(0, 40));
        for (auto o : openers)
            if (head.rfind(o, 0) == 0 && (head.size() == o.size() || !std::isalnum(static_cast<unsigned char>(head[o.size()])))) {
                rest = rest.substr(o.size());
                stripped = true;
                break;
            }
    }
    if (words(rest).size() < 3) return std::nullopt;
    return rest;
}

// What the therapist sets or plans, in the note's register rather than as a quote:
// "For homework this week: a thought record…" is "Homework set: a thought record…".
std::optional<std::string> inRegister(Section section, const std::string& cleaned)
{
    // A proposal ("Would you be willing to try…?") is not yet work set: it stays a quote.
    if (cleaned.find('?') != std::string::npos) return std::nullopt;
    if (section == Section::HomeworkGiven) {
        static const std::vector<std::string_view> openers = {
            "for homework this week", "for homework", "as homework", "your homework is", "your homework",
            "so for this week", "for this week", "for next week", "before next week", "before our next session",
            "before next session", "this week i'd like you to", "this week try", "i'd like you to", "i want you to",
            "could you try to", "could you try", "can you try to", "can you try", "would you be willing to"};
        if (auto task = afterOpener(cleaned, openers)) return "Homework set: " + addressedToClient(*task);
    } else if (section == Section::NextSteps) {
        static const std::vector<std::string_view> openers = {
            "next session we will", "next session we'll", "in our next session we will", "in our next session we'll",
            "next time we will", "next time we'll", "next week we will", "next week we'll"};
        if (auto plan = afterOpener(cleaned, openers)) return "Next session: " + addressedToClient(*plan);
    }
    return std::nullopt;
}

std::string restate(const Segment& segment, std::string_view sentence, std::optional<Section> section = std::nullopt)
{
    const std::string cleaned = withoutFillers(sentence);
    if (isClient(segment)) return clientSaid(sentence);
    if (isTherapist(segment)) {
        if (section)
            if (auto written = inRegister(*section, cleaned)) return *written;
        return "Therapist said: " + cleaned;
    }
    // Speakers not yet set by the therapist (machine transcripts) are reported as such.
    const bool unnamed = segment.speaker.empty() || segment.speaker == "unknown";
    return (unnamed ? std::string("A speaker") : segment.speaker) + " said: " + cleaned;
}

// The risk section's statements: each piece of evidence (a flag's and its aspects') restated
// once, a therapist's question together with the answer that followed it.
std::vector<Statement> riskStatements(const RiskFlag& flag, const Transcript& transcript)
{
    std::vector<Evidence> pieces = flag.evidence;
    for (const auto& [aspect, finding] : flag.aspects)
        pieces.insert(pieces.end(), finding.evidence.begin(), finding.evidence.end());
    std::vector<Statement> out;
    std::set<std::pair<std::string, std::string>> done;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Evidence& e = pieces[i];
        if (!done.insert({e.segment, e.quote}).second) continue;
        const Segment* seg = transcript.find(e.segment);
        if (seg == nullptr) continue;
        if (isTherapist(*seg) && i + 1 < pieces.size()) {
            const Evidence& answer = pieces[i + 1];
            done.insert({answer.segment, answer.quote});
            // The answer verbatim: its "Yes," or "No," is the point.
            out.push_back({"Therapist asked: " + withoutFillers(e.quote) + " Client answered: " + answer.quote,
                           {e.segment, answer.segment},
                           Origin::Transcript});
            ++i;
            continue;
        }
        out.push_back({restate(*seg, e.quote), {e.segment}, Origin::Transcript});
    }
    return out;
}

std::string normalisedForDuplicates(const std::string& text)
{
    std::string key;
    for (const auto& w : words(text))
        if (!isStopword(w)) key += stem(w) + ' ';
    return key;
}

// Share of `a`'s content words that also occur in `b`.
double overlap(const std::string& a, const std::string& b)
{
    std::set<std::string> wordsA;
    std::set<std::string> wordsB;
    for (const auto& w : words(a))
        if (!isStopword(w)) wordsA.insert(stem(w));
    for (const auto& w : words(b))
        if (!isStopword(w)) wordsB.insert(stem(w));
    if (wordsA.empty()) return 1.0;
    std::size_t shared = 0;
    for (const auto& w : wordsA) shared += wordsB.count(w);
    return static_cast<double>(shared) / static_cast<double>(wordsA.size());
}
}  // namespace

std::string toThirdPerson(std::string_view text)
{
    static const std::map<std::string, std::string> pronouns = {
        {"i", "they"},      {"i'm", "they're"}, {"i've", "they've"}, {"i'd", "they'd"},
        {"i'll", "they'll"}, {"me", "them"},    {"my", "their"},     {"mine", "theirs"},
        {"myself", "themselves"}};
    bool afterI = false;
    return rewriteWords(text, [&afterI](const std::string& word, const std::string& lower) {
        std::string replacement = word;
        if (auto it = pronouns.find(lower); it != pronouns.end()) replacement = it->second;
        else if (afterI && lower == "am") replacement = "are";
        else if (afterI && lower == "was") replacement = "were";
        afterI = lower == "i";
        return replacement;
    });
}

Result<Extraction> LocalEngine::extract(const Chunk& chunk)
{
    Extraction out;
    const std::size_t total = chunk.segments.size();
    for (std::size_t i = 0; i < total; ++i) {
        const Segment& seg = chunk.segments[i];
        // The agenda is set in the opening minutes (or the first segments of an untimed file).
        const bool early = chunk.index == 0 && (seg.startMs < 8 * 60 * 1000 || i < 6) && i < total / 3 + 3;
        for (const Span& span : splitSentences(seg.text)) {
            const std::string_view sentence = span.of(seg.text);
            if (looksLikeInstruction(sentence) || words(sentence).size() < 4) continue;
            const bool setting = seg.speaker == "therapist" && sentence.find('?') == std::string_view::npos;
            const auto section = sectionOf(sentence, early, setting);
            if (!section) continue;
            out.statements.push_back({*section, {restate(seg, sentence, section), {seg.id}, Origin::Transcript}});
        }
    }
    return out;
}

void LocalEngine::prepare(const Transcript& transcript)
{
    m_risks = detectRisks(transcript.segments);
    m_riskStatements.clear();
    for (const auto& flag : m_risks)
        for (auto& st : riskStatements(flag, transcript)) m_riskStatements.push_back({Section::RiskIssues, std::move(st)});
}

Result<Extraction> LocalEngine::synthesise(const std::vector<Extraction>& perChunk)
{
    Extraction out;
    std::map<Section, std::vector<Statement>> bySection;
    std::map<Section, std::vector<std::string>> keys;
    for (const auto& chunk : perChunk) {
        for (const auto& c : chunk.statements) {
            auto& list = bySection[c.section];
            auto& seen = keys[c.section];
            const std::string key = normalisedForDuplicates(c.statement.text);
            bool joined = false;
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (seen[i] == key || (overlap(c.statement.text, list[i].text) > 0.8 &&
                                       overlap(list[i].text, c.statement.text) > 0.8)) {
                    for (const auto& s : c.statement.sources)
                        if (std::find(list[i].sources.begin(), list[i].sources.end(), s) == list[i].sources.end())
                            list[i].sources.push_back(s);
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                list.push_back(c.statement);
                seen.push_back(key);
            }
        }
        out.rejected.insert(out.rejected.end(), chunk.rejected.begin(), chunk.rejected.end());
    }
    out.risks = m_risks;
    for (const auto& c : m_riskStatements) bySection[c.section].push_back(c.statement);
    for (auto& [section, list] : bySection) {
        // Keep a concise note: the first statements of each section in session order, plus
        // every risk statement (those are never trimmed away).
        if (section != Section::RiskIssues && list.size() > kMaxStatementsPerSection)
            list.resize(kMaxStatementsPerSection);
        for (auto& st : list) out.statements.push_back({section, std::move(st)});
    }
    return out;
}

}  // namespace noteward::core::notes
