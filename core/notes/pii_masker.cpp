#include "notes/pii_masker.h"

#include "util/text.h"

#include <algorithm>
#include <set>

namespace noteward::core::notes {

namespace {
constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;

struct Pattern {
    const char* kind;
    std::regex regex;
};

// Month names, full and short, and ordinal day words, for dates written out.
constexpr const char* kMonths =
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
constexpr const char* kDayNumber = R"((\d{1,2}(st|nd|rd|th)?))";
constexpr const char* kDayWords =
    "((twenty|thirty)[- ])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

const std::vector<Pattern>& patterns()
{
    // Order matters: longer, more specific shapes first, so an NHS number is not taken for a
    // phone number and an address keeps its house number.
    static const std::string day = std::string("(") + kDayNumber + "|(the\\s+)?" + kDayWords + ")";
    static const std::vector<Pattern> list = {
        {"EMAIL", std::regex(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")},
        // Any two letters: HMRC's own example prefix (QQ) is one that is never issued.
        {"NI_NUMBER", std::regex(R"(\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b)", kIcase)},
        {"NHS_NUMBER", std::regex(R"(\b\d{3}[ -]?\d{3}[ -]?\d{4}\b)")},
        {"PHONE", std::regex(R"((\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b)")},
        {"POSTCODE", std::regex(R"(\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b)")},
        {"DATE", std::regex(R"(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b)")},
        // "3rd March 1985", "the third of March", "March 3rd", "March the third, 1985".
        {"DATE", std::regex("\\b" + day + "\\s+(of\\s+)?" + kMonths + "(,?\\s+\\d{4})?\\b", kIcase)},
        {"DATE", std::regex(std::string("\\b") + kMonths + "\\s+" + day + "\\b(,?\\s+\\d{4}\\b)?", kIcase)},
        {"BIRTH_YEAR", std::regex(R"(\b(born|birth)(\s+\w+){0,3}?\s+(in\s+)?(19|20)\d\d\b)", kIcase)},
        {"ADDRESS", std::regex(R"(\b\d{1,4}[A-Za-z]?\s+([A-Za-z]+\s+){1,3}(Street|St|Road|Rd|Lane|Avenue|Ave|)"
                               R"(Close|Drive|Way|Crescent|Place|Gardens|Court|Terrace|Grove|Hill|Row|Square)\b)",
                               kIcase)},
    };
    return list;
}

// Capitalised words that are not names: sentence words, days, months, places of speech.
const std::set<std::string>& notNames()
{
    static const std::set<std::string> words = {
        "I", "I'm", "I've", "I'd", "I'll", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Christmas", "Easter", "English", "British", "Welsh", "Scottish", "GP", "NHS", "CBT",
        "OK", "Okay", "Mum", "Dad", "God", "TV", "A&E", "Client", "Therapist"};
    return words;
}

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-' ||
           static_cast<unsigned char>(c) >= 0x80;
}

constexpr std::size_t kMaxRun = 200;

// The text with every run of more than kMaxRun non-space bytes replaced by a marker that is
// never sent in its place.
std::string withoutLongRuns(std::string_view text)
{
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
        if (end - start > kMaxRun) out += "[LONG_TEXT]";
        else out.append(text.substr(start, end - start));
        std::size_t next = end;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\n' || text[next] == '\t')) ++next;
        out.append(text.substr(end, next - end));
        start = next;
    }
    return out;
}

std::string regexEscape(std::string_view text)
{
    static const std::string special = R"(\^$.|?*+()[]{}/)";
    std::string out;
    for (char c : text) {
        if (special.find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

// A known string as a pattern: any letter case, any run of spaces for a space, and (for
// numbers) any spacing or punctuation between digits. Bounded by non-letters on both sides,
// with a possessive ('s or ’s) allowed after it.
std::string knownStringPattern(std::string_view text, bool digitsOnly)
{
    std::string body;
    if (digitsOnly) {
        for (char c : text)
            if (c >= '0' && c <= '9') body += (body.empty() ? "" : R"([\s.()-]*)") + std::string(1, c);
    } else {
        bool space = false;
        for (char c : text) {
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && !body.empty()) body += R"([\s,]+)";
            space = false;
            body += regexEscape(std::string_view(&c, 1));
        }
    }
    // Boundaries: anything but a letter or digit, counting typographic punctuation (curly
    // quotes, dashes, no-break space: E2 80 xx and C2 xx) as punctuation, not as letters.
    static const std::string punct = R"(\xe2\x80[\x80-\xbf]|\xc2[\x80-\xbf])";
    static const std::string before = "(^|[^A-Za-z0-9\\x80-\\xff]|" + punct + ")";
    static const std::string after = "(?=$|[^A-Za-z0-9\\x80-\\xff]|" + punct + ")";
    return before + "(" + body + ")" + after;
}

std::vector<std::string> splitOn(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == separator) {
            std::string part(text.substr(start, i - start));
            const auto b = part.find_first_not_of(" \t");
            const auto e = part.find_last_not_of(" \t");
            if (b != std::string::npos) parts.push_back(part.substr(b, e - b + 1));
            start = i + 1;
        }
    return parts;
}

}  // namespace

PiiMasker::PiiMasker(const std::vector<std::string>& knownNames) : PiiMasker(KnownIdentifiers{knownNames, {}, {}, {}, {}, {}})
{
}

PiiMasker::PiiMasker(KnownIdentifiers known)
{
    std::vector<std::pair<std::string, const char*>> strings;  // exact strings, with their kind
    std::vector<std::pair<std::string, const char*>> numbers;  // digit strings, spacing free
    for (const auto& name : known.names) {
        strings.emplace_back(name, "NAME");
        for (const auto& part : splitOn(name, ' '))
            if (part.size() >= 2 && part != name) strings.emplace_back(part, "NAME");
    }
    for (const auto& address : known.addresses) {
        strings.emplace_back(address, "ADDRESS");
        for (const auto& part : splitOn(address, ',')) {
            if (part.size() < 3) continue;
            strings.emplace_back(part, "ADDRESS");
            // "12 Acacia Avenue" is also said as "Acacia Avenue"; "Leeds LS1 4AB" as "Leeds".
            const auto words = splitOn(part, ' ');
            if (words.size() >= 2 && std::all_of(words.front().begin(), words.front().end(),
                                                 [](char c) { return c >= '0' && c <= '9'; }))
                strings.emplace_back(part.substr(part.find(' ') + 1), "ADDRESS");
            for (const auto& word : words)
                if (word.size() >= 4 && std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    strings.emplace_back(word, "PLACE");
        }
    }
    for (const auto& email : known.emails) strings.emplace_back(email, "EMAIL");
    for (const auto& phone : known.phones) numbers.emplace_back(phone, "PHONE");
    for (const auto& nhs : known.nhsNumbers) numbers.emplace_back(nhs, "NHS_NUMBER");
    if (known.dateOfBirth && known.dateOfBirth->size() == 10) {
        // Written forms ("5 April 1990", "April the fifth") are dates to the patterns below;
        // the numeric forms and the year on its own are masked here.
        const std::string& dob = *known.dateOfBirth;
        strings.emplace_back(dob, "DATE");
        numbers.emplace_back(dob.substr(8, 2) + dob.substr(5, 2) + dob.substr(0, 4), "DATE");
        strings.emplace_back(dob.substr(0, 4), "BIRTH_YEAR");
    }
    // Longest first, so a full name or address wins over its parts.
    auto longestFirst = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
    std::stable_sort(strings.begin(), strings.end(), longestFirst);
    std::stable_sort(numbers.begin(), numbers.end(), longestFirst);
    for (const auto& [text, kind] : numbers)
        if (std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 6)
            m_known.push_back({kind, std::regex(knownStringPattern(text, true), kIcase)});
    for (const auto& [text, kind] : strings)
        if (!text.empty()) m_known.push_back({kind, std::regex(knownStringPattern(text, false), kIcase)});
}

std::string PiiMasker::placeholderFor(const std::string& original, const char* kind)
{
    if (auto it = m_toPlaceholder.find(original); it != m_toPlaceholder.end()) return it->second;
    // The same detail in another letter case shares the number, with its own letter, so every
    // placeholder restores to exactly the text it replaced.
    const std::string folded = foldCase(original);
    std::string placeholder;
    for (const auto& [seen, existing] : m_toPlaceholder) {
        if (foldCase(seen) != folded) continue;
        const std::string base = existing.substr(0, existing.find_first_of("]", 1));
        const std::string stem = base.back() >= 'a' && base.back() <= 'z' ? base.substr(0, base.size() - 1) : base;
        int variants = 0;
        for (const auto& [other, p] : m_toPlaceholder)
            if (p.rfind(stem, 0) == 0) ++variants;
        placeholder = stem + static_cast<char>('a' + std::min(variants - 1, 25)) + "]";
        break;
    }
    if (placeholder.empty()) placeholder = std::string("[") + kind + "_" + std::to_string(++m_counters[kind]) + "]";
    m_toPlaceholder[original] = placeholder;
    m_toOriginal[placeholder] = original;
    return placeholder;
}

bool PiiMasker::insidePlaceholder(std::string_view text, std::size_t pos) const
{
    // Text right after '[' is inside a placeholder only if "[…]" from there is one of ours:
    // a transcript's own "[Sam's mum]" is masked like any other text.
    if (pos == 0 || text[pos - 1] != '[') return false;
    const std::size_t close = text.find(']', pos);
    if (close == std::string_view::npos) return false;
    return m_toOriginal.count(std::string(text.substr(pos - 1, close - pos + 2))) > 0;
}

std::string PiiMasker::replaceMatches(const std::string& text, const std::regex& regex, std::size_t group, const char* kind)
{
    std::string out;
    std::size_t last = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), regex); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const auto pos = static_cast<std::size_t>(m.position(group));
        // Never inside a placeholder made by an earlier, longer identifier or pattern.
        if (insidePlaceholder(text, pos)) continue;
        out.append(text, last, pos - last);
        out += placeholderFor(m.str(group), kind);
        last = pos + static_cast<std::size_t>(m.length(group));
    }
    out.append(text, last, std::string::npos);
    return out;
}

std::string PiiMasker::replaceKnown(const std::string& input)
{
    std::string text = input;
    for (const auto& known : m_known) text = replaceMatches(text, known.regex, 2, known.kind);
    return text;
}

std::string PiiMasker::mask(std::string_view input)
{
    // std::regex recurses per character: a very long run without spaces could exhaust the
    // stack. No real utterance has one; such a run is replaced whole.
    std::string text = replaceKnown(withoutLongRuns(input));
    for (const auto& pattern : patterns()) text = replaceMatches(text, pattern.regex, 0, pattern.kind);
    // Other people's names: capitalised words inside a sentence, and any word learnt as a name.
    std::string out;
    std::size_t last = 0;
    for (const auto& word : names(text)) learn(word);
    for (std::size_t i = 0; i < text.size();) {
        if (!isWordChar(text[i]) || text[i] == '\'' || text[i] == '-') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isWordChar(text[j])) ++j;
        // A possessive stays outside the name: "Olu's" masks "Olu".
        std::size_t wordEnd = j;
        if (wordEnd - i > 2 && text.compare(wordEnd - 2, 2, "'s") == 0) wordEnd -= 2;
        const std::string word = text.substr(i, wordEnd - i);
        if (!insidePlaceholder(text, i)) {
            // A learnt name in any letter case ("Priya", "priya"): each form its own placeholder.
            if (const auto learnt = m_learntFolded.find(foldCase(word)); learnt != m_learntFolded.end()) {
                out.append(text, last, i - last);
                out += placeholderFor(word, "NAME");
                last = wordEnd;
            }
        }
        i = j;
    }
    out.append(text, last, std::string::npos);
    return out;
}

void PiiMasker::learn(const std::string& name)
{
    (void)placeholderFor(name, "NAME");
    m_learntFolded.insert(foldCase(name));
}

void PiiMasker::learnNames(std::string_view text)
{
    for (const auto& word : names(replaceKnown(std::string(text)))) learn(word);
}

std::vector<std::string> PiiMasker::names(std::string_view text) const
{
    std::vector<std::string> found;
    bool sentenceStart = true;
    for (std::size_t i = 0; i < text.size();) {
        if (!isWordChar(text[i]) || text[i] == '\'' || text[i] == '-') {
            const char c = text[i];
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\n') sentenceStart = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isWordChar(text[j])) ++j;
        std::string word(text.substr(i, j - i));
        if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
        if (!sentenceStart && !insidePlaceholder(text, i) && isUpper(word[0]) && word.size() > 1 && !notNames().count(word) &&
            !std::all_of(word.begin(), word.end(), [](char c) { return isUpper(c) || c == '_'; }))
            found.push_back(word);
        sentenceStart = false;
        i = j;
    }
    return found;
}

std::string PiiMasker::restore(std::string_view input) const
{
    std::string text(input);
    // Longest placeholders first so "[NAME_12]" is not read as "[NAME_1]" + "2]".
    std::vector<std::pair<std::string, std::string>> pairs(m_toOriginal.begin(), m_toOriginal.end());
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [placeholder, original] : pairs) {
        for (std::size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + original.size())) {
            text.replace(at, placeholder.size(), original);
        }
    }
    return text;
}

bool PiiMasker::isCaseless(std::string_view text)
{
    return std::none_of(text.begin(), text.end(), [](char c) { return isUpper(c); });
}

}  // namespace noteward::core::notes
