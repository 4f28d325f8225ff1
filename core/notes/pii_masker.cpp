#include "notes/pii_masker.h"

#include <algorithm>
#include <regex>
#include <set>

namespace noteward::core::notes {

namespace {
struct Pattern {
    const char* kind;
    std::regex regex;
};

const std::vector<Pattern>& patterns()
{
    // Order matters: longer, more specific shapes first, so an NHS number is not taken for a
    // phone number and an address keeps its house number.
    static const std::vector<Pattern> list = {
        {"EMAIL", std::regex(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")},
        {"NHS_NUMBER", std::regex(R"(\b\d{3}[ -]?\d{3}[ -]?\d{4}\b)")},
        {"PHONE", std::regex(R"((\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b)")},
        {"POSTCODE", std::regex(R"(\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b)")},
        {"DATE", std::regex(R"(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|)"
                            R"(\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(January|February|March|April|May|June|July|August|)"
                            R"(September|October|November|December)(\s+\d{4})?\b)")},
        {"ADDRESS", std::regex(R"(\b\d{1,4}[A-Za-z]?\s+([A-Z][a-z]+\s+){1,3}(Street|St|Road|Rd|Lane|Avenue|Ave|)"
                               R"(Close|Drive|Way|Crescent|Place|Gardens|Court|Terrace|Grove|Hill|Row|Square)\b)")},
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

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    if (from.empty()) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}
}  // namespace

PiiMasker::PiiMasker(std::vector<std::string> knownNames) : m_knownNames(std::move(knownNames))
{
    // Full names first, then each part, so "Sam Smith" and a lone "Sam" share a placeholder family.
    std::vector<std::string> parts;
    for (const auto& name : m_knownNames) {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= name.size(); ++i)
            if (i == name.size() || name[i] == ' ') {
                if (i - start >= 2) parts.push_back(name.substr(start, i - start));
                start = i + 1;
            }
    }
    m_knownNames.insert(m_knownNames.end(), parts.begin(), parts.end());
    std::sort(m_knownNames.begin(), m_knownNames.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string PiiMasker::placeholderFor(const std::string& original, const char* kind)
{
    if (auto it = m_toPlaceholder.find(original); it != m_toPlaceholder.end()) return it->second;
    const std::string placeholder = std::string("[") + kind + "_" + std::to_string(++m_counters[kind]) + "]";
    m_toPlaceholder[original] = placeholder;
    m_toOriginal[placeholder] = original;
    return placeholder;
}

std::string PiiMasker::mask(std::string_view input)
{
    std::string text(input);
    for (const auto& name : m_knownNames) {
        if (name.empty()) continue;
        for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
            const bool startOk = at == 0 || !isWordChar(text[at - 1]);
            const bool endOk = at + name.size() >= text.size() || !isWordChar(text[at + name.size()]);
            if (!startOk || !endOk) continue;
            const std::string placeholder = placeholderFor(name, "NAME");
            text.replace(at, name.size(), placeholder);
            at += placeholder.size() - 1;
        }
    }
    for (const auto& pattern : patterns()) {
        std::string out;
        std::size_t last = 0;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern.regex); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            const auto pos = static_cast<std::size_t>(m.position(0));
            out.append(text, last, pos - last);
            out += placeholderFor(m.str(0), pattern.kind);
            last = pos + static_cast<std::size_t>(m.length(0));
        }
        out.append(text, last, std::string::npos);
        text = std::move(out);
    }
    // Other people's names: capitalised words inside a sentence, and any word learnt as a name.
    std::string out;
    std::size_t last = 0;
    for (const auto& word : names(text)) (void)placeholderFor(word, "NAME");
    for (std::size_t i = 0; i < text.size();) {
        if (!isWordChar(text[i]) || text[i] == '\'' || text[i] == '-') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isWordChar(text[j])) ++j;
        const std::string word = text.substr(i, j - i);
        const bool insidePlaceholder = i > 0 && text[i - 1] == '[';
        if (!insidePlaceholder) {
            if (auto it = m_toPlaceholder.find(word); it != m_toPlaceholder.end() && it->second.rfind("[NAME_", 0) == 0) {
                out.append(text, last, i - last);
                out += it->second;
                last = j;
            }
        }
        i = j;
    }
    out.append(text, last, std::string::npos);
    return out;
}

void PiiMasker::learnNames(std::string_view text)
{
    for (const auto& word : names(text)) (void)placeholderFor(word, "NAME");
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
        const std::string word(text.substr(i, j - i));
        const bool insidePlaceholder = i > 0 && text[i - 1] == '[';
        if (!sentenceStart && !insidePlaceholder && isUpper(word[0]) && word.size() > 1 && !notNames().count(word) &&
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
    for (const auto& [placeholder, original] : pairs) replaceAll(text, placeholder, original);
    return text;
}

}  // namespace noteward::core::notes
