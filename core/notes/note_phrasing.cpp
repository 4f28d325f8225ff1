#include "notes/note_phrasing.h"

#include "notes/reported_speech.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace noteward::core::notes {

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
                                                          "Right, ", "Like, ", "like, ", "And, ", "and, ", "So, ",
                                                          "so, ", "Oh, ", "oh, ", "Um, ", "Uh, ", "Erm, ", "Er, ",
                                                          "Um. ", "Erm. ", "I mean, ", "But ", "but "};
    for (bool changed = true; changed;) {
        changed = false;
        for (auto o : openers)
            if (out.rfind(o, 0) == 0) {
                out.erase(0, o.size());
                changed = true;
            }
    }
    // Ended already, or ended inside a closing quote ("…because of me.'").
    const auto ended = [&out] {
        std::size_t end = out.size();
        if (end > 0 && (out[end - 1] == '\'' || out[end - 1] == '"')) --end;
        else if (end >= 3 && (out.compare(end - 3, 3, "\u2019") == 0 || out.compare(end - 3, 3, "\u201d") == 0)) end -= 3;
        return end > 0 && (out[end - 1] == '.' || out[end - 1] == '?' || out[end - 1] == '!');
    };
    if (!out.empty() && !ended()) out.push_back('.');
    return out;
}

// "This week was hard." reads "Client said that this week was hard."; names keep capitals.
std::string continuing(std::string text)
{
    const std::size_t end = text.find_first_of(" ,;:.!?");
    const auto first = words(text.substr(0, end));
    static const std::set<std::string> adverbs = {
        "honestly", "maybe", "sometimes", "actually", "basically", "some", "everything", "nothing", "things", "work",
        "last", "same", "mostly", "there's", "there", "just", "still", "only", "never", "always", "probably",
        "really", "pretty", "quite", "definitely", "once", "twice", "most", "half", "every", "each", "both",
        "another", "other", "none", "loads", "lots", "bit", "little", "much", "more", "less", "better", "worse",
        "fine", "good", "bad", "alright", "okay", "not", "no", "yes", "yeah", "didn't", "don't", "can't", "couldn't",
        "wasn't", "went", "got", "had", "did", "made", "felt", "tried", "kept", "left", "took", "came", "said",
        "thought", "started", "stopped", "again", "apparently", "obviously", "literally", "anyway", "otherwise"};
    // A verb form ("Filled it in five days", "Walking helped") is no name.
    const auto verbForm = [](const std::string& w) {
        const auto endsWith = [&w](std::string_view suffix) {
            return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        return (w.size() >= 5 && endsWith("ing")) || (w.size() >= 6 && endsWith("ed"));
    };
    // "I", "I'm", "I'll"… keep their capital, and so do names ("Kayleigh rang").
    if (!first.empty() && (isStopword(first[0]) || adverbs.count(first[0]) || verbForm(first[0])) && text[0] >= 'A' &&
        text[0] <= 'Z' && first[0] != "i" && first[0].rfind("i'", 0) != 0)
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

namespace {

// Whether a sentence has a verb at all: "Very reliable.", "To fifty.", "Release at work, so long
// days." have none, and cannot follow "Client reported that".
bool hasAVerb(const std::vector<std::string>& said)
{
    static const std::set<std::string> verbs = {
        "is", "was", "were", "am", "are", "be", "been", "being", "have", "has", "had", "do", "does", "did", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "go", "goes", "went", "gone", "get", "gets",
        "got", "feel", "feels", "felt", "think", "thought", "know", "knew", "say", "said", "says", "make", "made",
        "take", "took", "come", "came", "see", "saw", "want", "need", "keep", "kept", "let", "put", "tell", "told",
        "try", "sleep", "slept", "eat", "ate", "work", "works", "help", "helps", "seem", "seems", "look", "looks", "sit",
        "sat", "stay", "start", "stop", "leave", "left", "run", "ran", "give", "gave", "find", "found", "lose", "lost",
        "hate", "love", "mean", "means", "meant", "happen", "ring", "rang", "call", "walk", "cry", "cope", "manage"};
    static const std::set<std::string> notVerbs = {"nothing", "something", "anything", "everything", "morning",
                                                    "evening", "thing", "ceiling", "building", "wedding", "ring",
                                                    "feeling", "meeting", "red", "bed", "shed", "hundred", "need"};
    // A subject says a verb follows, whatever it is ("I heat up the end", "Kuba sends me…").
    static const std::set<std::string> subjects = {"i", "we", "he", "she", "they", "you", "it"};
    return std::any_of(said.begin(), said.end(), [](const std::string& w) {
        if (subjects.count(w)) return true;
        const auto endsWith = [&w](std::string_view suffix) {
            return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (verbs.count(w)) return true;
        if (notVerbs.count(w)) return false;
        return endsWith("n't") || endsWith("'s") || endsWith("'re") || endsWith("'ve") || endsWith("'d") ||
               endsWith("'ll") || endsWith("'m") || (w.size() >= 5 && (endsWith("ed") || endsWith("ing")));
    });
}

// Verbs a speaker often says without a subject ("Went to the shop.", "Couldn't sleep."): whose
// act it was is not in the sentence.
bool opensWithoutItsSubject(const std::vector<std::string>& said)
{
    static const std::set<std::string> verbs = {
        "went", "got", "had", "did", "felt", "came", "took", "made", "sat", "stayed", "tried", "managed", "walked",
        "rang", "called", "watched", "spent", "slept", "woke", "cried", "worked", "started", "stopped", "kept",
        "gave", "left", "saw", "wanted", "couldn't", "didn't", "can't", "don't", "haven't", "won't", "wouldn't",
        "think", "feel", "love", "hate", "need", "know", "reckon", "suppose", "told", "texted", "said", "wrote",
        "messaged", "swallowed", "cut", "burnt", "burned", "hurt", "bought", "found", "lost"};
    // "Did they tell Maria…", "Don't you think…": a question, not a dropped "I".
    static const std::set<std::string> asking = {"i", "you", "he", "she", "they", "we", "it"};
    if (said.empty() || (said.size() > 1 && asking.count(said[1]))) return false;
    // "Finally told my mum…": an adverb first.
    const bool adverbFirst = said.front().size() > 3 && said.front().compare(said.front().size() - 2, 2, "ly") == 0;
    return verbs.count(said.front()) != 0 || (adverbFirst && said.size() > 1 && verbs.count(said[1]) != 0);
}

}  // namespace

std::string clientSays(std::string_view prefix, std::string_view sentence)
{
    // Someone else's words keep their speaker and their pronouns: only the client's own part
    // is put in the third person, and the reported words are quoted as spoken.
    const std::string cleaned = withoutFillers(sentence);
    const std::size_t reported = reportedSpeechStart(cleaned);
    if (reported == kNoReportedSpeech) {
        const auto said = words(cleaned);
        // No verb, or no subject ("Went to my mum's.", "Took an overdose on Saturday." after "My
        // brother's not been good."): quoted as said ("Client reported: "Very reliable.""), which
        // reads, and never guesses whose act it was; "Client reported that very reliable." does not read.
        const bool framedAsThat = prefix.size() >= 5 && prefix.substr(prefix.size() - 5) == "that ";
        if (framedAsThat && !said.empty() && (!hasAVerb(said) || opensWithoutItsSubject(said)) &&
            cleaned.find('?') == std::string::npos) {
            std::string frame(prefix.substr(0, prefix.size() - 5));
            while (!frame.empty() && frame.back() == ' ') frame.pop_back();
            return frame + ": \"" + upperFirst(cleaned) + "\"";
        }
        return std::string(prefix) + continuing(toThirdPerson(cleaned));
    }
    std::string own = toThirdPerson(cleaned.substr(0, reported));
    // Words already in quote marks ("He wrote, 'I'm so tired…'") keep the speaker's own marks.
    std::string opening;
    for (bool trimmed = true; trimmed && !own.empty();) {
        trimmed = false;
        for (std::string_view mark : {" ", ",", ":", "'", "\"", "\xE2\x80\x98", "\xE2\x80\x9C"})
            if (own.size() >= mark.size() && own.compare(own.size() - mark.size(), mark.size(), mark) == 0) {
                if (mark.size() > 1 || mark == "'" || mark == "\"") opening = std::string(mark);
                own.resize(own.size() - mark.size());
                trimmed = true;
                break;
            }
    }
    if (!opening.empty()) return std::string(prefix) + continuing(own) + ": " + opening + cleaned.substr(reported);
    return std::string(prefix) + continuing(own) + ": \"" + cleaned.substr(reported) + "\"";
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
    // "you" after a verb or preposition is the object: "I'll call you on Thursday" → "call them".
    static const std::set<std::string> takesAnObject = {
        "call", "ring", "phone", "text", "email", "see", "meet", "tell", "ask", "give", "send", "help", "check", "remind",
        "let", "want", "like", "get", "thank", "support", "refer", "contact", "with", "to", "for", "at", "about", "from",
        "by", "against", "without", "referring", "referred", "calling", "ringing", "seeing", "meeting", "telling",
        "asking", "giving", "sending", "helping", "checking", "reminding", "supporting", "contacting", "thanking",
        "book", "booked", "booking", "suit", "suits", "suited", "show", "bring", "join", "invite", "visit", "update",
        "greet", "greets", "treat", "treats", "hear", "hears", "judge", "judges", "trust", "trusts", "miss", "misses",
        // The same verbs done already ("I got you the Samaritans number", "I told you last week").
        "got", "gave", "sent", "told", "asked", "showed", "brought", "found", "made", "bought", "emailed", "texted",
        "rang", "called", "phoned", "helped", "reminded", "saw", "met", "heard", "left", "put", "printed", "wrote",
        "booked", "referred", "thanked", "invited"};
    // Not "before" or "after": there they start a clause whose subject is "you" ("before you
    // leave" is "before they leave").
    std::string previous;
    return rewriteWords(text, [&previous](const std::string& word, const std::string& lower) {
        const bool object = lower == "you" && takesAnObject.count(previous) != 0;
        previous = lower;
        if (object) return std::string("them");
        const auto it = pronouns.find(lower);
        return it == pronouns.end() ? word : it->second;
    });
}

// The rest of `text` after the first of `openers` that starts a word (case ignored), without
// the punctuation that follows it; nullopt when none is there or too little follows.
std::optional<std::string> afterOpener(const std::string& text, const std::vector<std::string_view>& openers, std::size_t minWords)
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
    if (words(rest).size() < minWords) return std::nullopt;
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
            "so for this week", "for this week", "so this week", "and this week", "this week just", "this week",
            "for next week", "before next week", "before our next session",
            "before next session", "this week i'd like you to", "this week try", "i'd like you to", "i want you to",
            "could you try to", "could you try", "can you try to", "can you try", "would you be willing to",
            "this coming week", "over the next week", "before we next meet", "before we meet", "between now and next time",
            "between now and next week", "until next time", "until next week"};
        if (auto task = afterOpener(cleaned, openers)) return "Homework set: " + addressedToClient(*task);
    } else if (section == Section::NextSteps) {
        static const std::vector<std::string_view> openers = {
            "next session we will", "next session we'll", "in our next session we will", "in our next session we'll",
            "next time we will", "next time we'll", "next week we will", "next week we'll", "next week, we'll",
            "next time, we'll", "next week let's", "next week, let's", "next time let's", "next time, let's",
            "next session let's", "next session, let's"};
        if (auto plan = afterOpener(cleaned, openers)) return "Next session: " + addressedToClient(*plan);
        // The therapist's own arrangements, in the note's register: "I'll see you next
        // Tuesday." → "Next session: next Tuesday."; "I'll write to your GP today." →
        // "Therapist to write to their GP today."; "We'll go over the diary next Thursday." →
        // "Next steps: go over their diary next Thursday."
        static const std::vector<std::string_view> meeting = {"i'll see you", "i will see you", "see you"};
        static const std::vector<std::string_view> mine = {"i'll also", "i will also", "i'm also going to", "i'm going to",
                                                           "i am going to", "i'd also like to", "i'd like to",
                                                           "i would like to", "i'll", "i will"};
        static const std::vector<std::string_view> ours = {"i'd like us to", "we'll", "we will", "let's", "shall we"};
        const auto opening = [&](const std::vector<std::string_view>& list) -> std::optional<std::string> {
            const std::string lower = asciiLower(cleaned);
            for (auto o : list)
                if (lower.rfind(o, 0) == 0) return afterOpener(cleaned, {o}, 1);
            return std::nullopt;
        };
        if (auto when = opening(meeting)) return "Next session: " + addressedToClient(*when);
        if (auto act = opening(ours)) return "Next steps: " + addressedToClient(*act);
        if (auto act = opening(mine); act && asciiLower(*act).rfind("see you", 0) != 0)
            return "Therapist to " + addressedToClient(*act);
    }
    return std::nullopt;
}

std::string toThirdPerson(std::string_view text)
{
    static const std::map<std::string, std::string> pronouns = {
        {"i", "they"},      {"i'm", "they're"}, {"i've", "they've"}, {"i'd", "they'd"},
        {"i'll", "they'll"}, {"me", "them"},    {"my", "their"},     {"mine", "theirs"},
        {"myself", "themselves"}};
    bool afterI = false;
    std::string out = rewriteWords(text, [&afterI](const std::string& word, const std::string& lower) {
        std::string replacement = word;
        if (auto it = pronouns.find(lower); it != pronouns.end()) replacement = it->second;
        else if (afterI && lower == "am") replacement = "are";
        else if (afterI && lower == "was") replacement = "were";
        afterI = lower == "i";
        return replacement;
    });
    // "… at work. I've got a pass" → "… at work. They've got a pass": a pronoun put in for
    // "I", "my" or "me" after a full stop opened its sentence (only these words: "then" or
    // "there" are left as written).
    static const std::set<std::string> putIn = {"they", "they're", "they've", "they'd", "they'll", "them", "their",
                                                "theirs", "themselves"};
    for (std::size_t at = out.find("the"); at != std::string::npos; at = out.find("the", at + 1)) {
        if (at < 2 || out[at - 1] != ' ' || (out[at - 2] != '.' && out[at - 2] != '!' && out[at - 2] != '?')) continue;
        std::size_t end = at;
        while (end < out.size() && (std::isalpha(static_cast<unsigned char>(out[end])) || out[end] == '\'')) ++end;
        if (putIn.count(out.substr(at, end - at)) != 0) out[at] = 'T';
    }
    return out;
}


}  // namespace noteward::core::notes

namespace noteward::core::notes {

std::string lowerFirst(std::string text)
{
    return continuing(std::move(text));
}

std::string upperFirst(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace noteward::core::notes
