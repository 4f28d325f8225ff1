#include "notes/reported_speech.h"

#include "notes/text_analysis.h"

#include <algorithm>
#include <array>
#include <string>

namespace noteward::core::notes {

namespace {
constexpr std::array<std::string_view, 18> kReportingVerbs = {
    "said", "says", "saying", "say", "told", "tells", "telling", "texted", "messaged", "wrote", "writes",
    "shouted", "screamed", "posted", "whispered", "goes", "went", "asked"};

// Who can be the speaker of reported words: anyone but the client.
constexpr std::array<std::string_view, 44> kOthers = {
    "he", "she", "they", "mum", "mother", "dad", "father", "brother", "sister", "friend", "partner", "husband",
    "wife", "boyfriend", "girlfriend", "son", "daughter", "colleague", "boss", "manager", "cousin", "aunt",
    "auntie", "uncle", "nan", "gran", "grandma", "grandad", "grandpa", "neighbour", "teacher", "doctor", "gp",
    "nurse", "someone", "somebody", "everyone", "people", "mate", "flatmate", "housemate", "ex", "kids", "child"};

bool isOther(const std::string& word)
{
    return std::find(kOthers.begin(), kOthers.end(), word) != kOthers.end();
}
}  // namespace

bool namesSomeoneElse(std::string_view word)
{
    static constexpr std::array<std::string_view, 17> kPointers = {
        "him", "her", "his", "hers", "them", "their", "theirs", "himself", "herself", "themselves",
        "he's", "she's", "they're", "he'd", "she'd", "they'd", "they've"};
    if (std::find(kPointers.begin(), kPointers.end(), word) != kPointers.end()) return true;
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
    return isOther(std::string(word));
}

std::size_t reportedSpeechStart(std::string_view sentence)
{
    const auto tokens = wordsWithSpans(sentence);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string& verb = tokens[k].word;
        if (std::find(kReportingVerbs.begin(), kReportingVerbs.end(), verb) == kReportingVerbs.end()) continue;
        // "went" and "goes" report speech only as "she went, …": a comma or colon must follow.
        if ((verb == "went" || verb == "goes") &&
            (tokens[k].span.end >= sentence.size() ||
             (sentence[tokens[k].span.end] != ',' && sentence[tokens[k].span.end] != ':')))
            continue;
        // The subject. After "and" or "then" ("he just looked at me and said", "I rang my sister
        // and said") it is the clause's own, its first person named; otherwise the nearest
        // within three words before the verb ("I told him … and he said" is his).
        const auto isSelf = [](const std::string& w) {
            return w == "i" || w == "i'd" || w == "i've" || w == "i'm" || w == "i'll";
        };
        bool other = false;
        if (k > 0 && (tokens[k - 1].word == "and" || tokens[k - 1].word == "then")) {
            std::size_t start = k - 1;
            while (start > 0 && sentence.find_first_of(",;:", tokens[start - 1].span.end) >= tokens[start].span.begin) --start;
            // The nearest subject pronoun back from the verb that opens a coordinated clause (after
            // "and", "then", "but" or at the clause's start) is its subject: "I got there and she
            // looked at it and said" is hers, but in "I told her she was fine and said" "she"
            // only opens what was told, and the speaker is "I". A noun is as often the object ("I
            // rang my sister and said"), so without such a pronoun the clause's first person
            // named decides.
            static constexpr std::array<std::string_view, 4> subjects = {"he", "she", "they", "we"};
            static constexpr std::array<std::string_view, 4> joins = {"and", "then", "but", "so"};
            bool decided = false;
            for (std::size_t at = k - 1; at-- > start;) {
                const bool opensClause = at == start || std::find(joins.begin(), joins.end(), tokens[at - 1].word) != joins.end();
                if (!opensClause) continue;
                if (isSelf(tokens[at].word)) {
                    decided = true;
                    break;
                }
                if (std::find(subjects.begin(), subjects.end(), tokens[at].word) != subjects.end()) {
                    other = decided = true;
                    break;
                }
            }
            for (std::size_t at = start; !decided && at + 1 < k; ++at) {
                if (isSelf(tokens[at].word)) break;
                if (isOther(tokens[at].word)) {
                    other = true;
                    break;
                }
            }
        } else {
            for (std::size_t back = 1; back <= 3 && back <= k; ++back) {
                const std::string& w = tokens[k - back].word;
                if (isSelf(w)) break;
                if (isOther(w)) {
                    other = true;
                    break;
                }
            }
        }
        // A capitalised name right before the verb ("Priya said") counts as someone else too;
        // opening the sentence ("Jo texted"), only a word that could not open it anyway: not a
        // stopword, not one of these ("Then said", "Everyone said", "Monday told", the note's own
        // "Client said that…"), and not an adverb in -ly ("Finally told my mum…", "Stupidly
        // told…") unless it is a name people have (Kelly, Emily).
        if (!other && k > 0) {
            static const std::vector<std::string_view> opensAnySentence = {
                "then", "so", "and", "but", "well", "yeah", "yes", "no", "just", "also", "anyway", "everyone",
                "everybody", "nobody", "someone", "somebody", "who", "what", "which", "never", "always", "once",
                "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "afterwards", "again", "even", "still",
                "already", "almost", "sometimes", "somehow", "last", "this", "that", "texted", "rang", "told", "said", "wrote",
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "client", "therapist"};
            static const std::vector<std::string_view> names = {
                "kelly", "emily", "holly", "beverly", "beverley", "molly", "ally", "sally", "shelley", "lily", "polly",
                "billy", "ashley", "bradley", "stanley", "wesley", "hayley", "kimberly", "dolly", "carly", "marley",
                "riley", "finley", "oakley", "lesley", "leslie", "tilly", "milly", "elly", "nelly", "jolly", "charly",
                "shirley", "beverly's", "kelly's", "emily's", "holly's", "molly's", "sally's", "hayley's", "ashley's"};
            const char first = sentence[tokens[k - 1].span.begin];
            const std::string& w = tokens[k - 1].word;
            const auto listed = [&w](const std::vector<std::string_view>& list) {
                return std::find(list.begin(), list.end(), w) != list.end();
            };
            const bool adverb = w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0 && !listed(names);
            const bool couldOpenAny = isStopword(w) || adverb || listed(opensAnySentence);
            other = first >= 'A' && first <= 'Z' && w != "i" && w.rfind("i'", 0) != 0 && (k - 1 > 0 || !couldOpenAny);
        }
        if (!other) continue;
        // Their words start after "to me", "me", "that", "saying" and any punctuation.
        std::size_t next = k + 1;
        while (next < tokens.size() &&
               (tokens[next].word == "to" || tokens[next].word == "me" || tokens[next].word == "that" ||
                tokens[next].word == "saying" || tokens[next].word == "us"))
            ++next;
        if (next >= tokens.size()) return kNoReportedSpeech;
        return tokens[next].span.begin;
    }
    return kNoReportedSpeech;
}

std::vector<std::pair<std::size_t, std::size_t>> othersQuotedSpans(std::string_view text)
{
    // Opening and closing double quotes, straight or curly (UTF-8 “ and ”).
    std::vector<std::pair<std::size_t, std::size_t>> marks;  // (position, 0 straight / 1 open / 2 close)
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '"') marks.emplace_back(k, 0);
        else if (text.compare(k, 3, "\xE2\x80\x9C") == 0) marks.emplace_back(k, 1);
        else if (text.compare(k, 3, "\xE2\x80\x9D") == 0) marks.emplace_back(k, 2);
    }
    // Quotes that do not pair up cannot say whose words are whose: then none are set aside
    // (reading the client's own words as someone else's would lose a disclosure).
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t m = 0; m < marks.size(); m += 2) {
        if (m + 1 >= marks.size() || marks[m].second == 2 || marks[m + 1].second == 1) return {};
        pairs.emplace_back(marks[m].first, marks[m + 1].first);
    }
    // A song, a book or a film quoted is nobody's disclosure either.
    static const std::vector<std::string_view> sources = {"song", "sings", "sang", "chorus", "lyric", "lyrics",
                                                          "line in", "book", "poem", "film", "character", "verse"};
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& [open, close] : pairs) {
        // Whose words: the last few words before the opening quote ("…and I said", "…and he said").
        const std::size_t lead = open > 60 ? open - 60 : 0;
        std::string before(text.substr(lead, open - lead));
        const std::size_t stop = before.find_last_of(".!?\"");
        if (stop != std::string::npos) before = before.substr(stop + 1);
        const auto ws = words(before);
        const std::size_t from = ws.size() > 6 ? ws.size() - 6 : 0;
        std::string tail;
        for (std::size_t w = from; w < ws.size(); ++w) tail += ws[w] + " ";
        bool others = reportedSpeechStart(tail + "x") != kNoReportedSpeech;
        std::string all = " ";
        for (const auto& w : ws) all += w + " ";
        for (auto source : sources)
            if (all.find(" " + std::string(source) + " ") != std::string::npos) others = true;
        if (others) spans.emplace_back(open, close);
    }
    return spans;
}

std::string withOthersQuotesBlanked(std::string_view text)
{
    std::string mine(text);
    for (const auto& [open, close] : othersQuotedSpans(text))
        std::fill(mine.begin() + static_cast<std::ptrdiff_t>(open), mine.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
    return mine;
}

}  // namespace noteward::core::notes
