#include "notes/text_analysis.h"

#include <algorithm>
#include <iterator>

namespace noteward::core::notes {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isWordByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

Span trimmed(std::string_view text, std::size_t begin, std::size_t end)
{
    while (begin < end && isSpace(text[begin])) ++begin;
    while (end > begin && isSpace(text[end - 1])) --end;
    return {begin, end};
}

constexpr std::string_view kStopwords[] = {
    "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "of", "to", "in", "on", "at", "by",
    "for", "with", "about", "from", "into", "as", "up", "out", "over", "off", "is", "am", "are", "was", "were",
    "be", "been", "being", "do", "does", "did", "done", "have", "has", "had", "having", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "i", "i'm", "i've", "i'd", "i'll", "me", "my",
    "mine", "myself", "you", "you're", "you've", "your", "yours", "yourself", "he", "him", "his", "she",
    "her", "hers", "it", "it's", "its", "we", "we're", "we've", "us", "our", "they", "they're", "they've",
    "they'd", "they'll", "them", "their", "theirs", "themselves", "this", "that", "these", "those",
    "there", "here", "what", "which", "who", "when", "where", "how", "just", "really", "very", "um",
    "uh", "er", "erm", "yeah", "ok", "okay", "well", "like", "know", "mean", "sort", "kind", "bit", "quite",
    "also", "too", "all"};
}  // namespace

std::vector<Span> splitSentences(std::string_view text)
{
    std::vector<Span> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool terminal = c == '.' || c == '!' || c == '?';
        if (!terminal) continue;
        // Keep runs like "?!" or "..." together, and do not split "3.5".
        while (i + 1 < text.size() && (text[i + 1] == '.' || text[i + 1] == '!' || text[i + 1] == '?')) ++i;
        if (c == '.' && i + 1 < text.size() && !isSpace(text[i + 1])) continue;
        const Span s = trimmed(text, start, i + 1);
        if (s.end > s.begin) out.push_back(s);
        start = i + 1;
    }
    const Span last = trimmed(text, start, text.size());
    if (last.end > last.begin) out.push_back(last);
    return out;
}

std::vector<Span> splitClauses(std::string_view sentence)
{
    std::vector<Span> out;
    std::size_t start = 0;
    auto push = [&](std::size_t end) {
        const Span s = trimmed(sentence, start, end);
        if (s.end > s.begin) out.push_back(s);
    };
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        if (sentence[i] == ',' || sentence[i] == ';') {
            push(i);
            start = i + 1;
        } else if (sentence.compare(i, 5, " but ") == 0) {
            push(i);
            start = i + 1;
        }
    }
    push(sentence.size());
    return out;
}

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        while (!current.empty() && (current.back() == '\'' || current.back() == '-')) current.pop_back();
        if (!current.empty()) out.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) is an apostrophe in speech-to-text.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x99) {
            if (!current.empty()) current.push_back('\'');
            i += 2;
            continue;
        }
        if (isWordByte(c)) {
            current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
        } else if ((c == '\'' || c == '-') && !current.empty()) {
            current.push_back(static_cast<char>(c));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::vector<WordAt> wordsWithSpans(std::string_view text)
{
    std::vector<WordAt> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isWordByte(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        std::size_t j = i;
        while (j < text.size()) {
            const auto c = static_cast<unsigned char>(text[j]);
            const bool apostrophe = c == '\'' || c == '-' ||
                                    (c == 0xE2 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80 &&
                                     static_cast<unsigned char>(text[j + 2]) == 0x99);
            if (isWordByte(c)) ++j;
            else if (apostrophe && j + 1 < text.size() && isWordByte(static_cast<unsigned char>(text[j + (c == 0xE2 ? 3 : 1)])))
                j += c == 0xE2 ? 3 : 1;
            else break;
        }
        const auto w = words(text.substr(i, j - i));
        if (!w.empty()) out.push_back({w.front(), {i, j}});
        i = j;
    }
    return out;
}

bool isStopword(std::string_view word)
{
    return std::find(std::begin(kStopwords), std::end(kStopwords), word) != std::end(kStopwords);
}

std::string stem(std::string_view word)
{
    std::string w(word);
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    auto strip = [&](std::string_view suffix, std::size_t minKeep) {
        if (w.size() >= suffix.size() + minKeep && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
            w.resize(w.size() - suffix.size());
            return true;
        }
        return false;
    };
    if (!strip("ing", 3) && !strip("ied", 3) && !strip("ed", 3) && !strip("ies", 3) && !strip("es", 4)) strip("s", 3);
    // "stopped" → "stopp" → "stop"; "hope", "hoped", "hoping" all meet at "hop".
    if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2]) w.pop_back();
    if (w.size() > 3 && w.back() == 'e') w.pop_back();
    return w;
}

std::vector<std::vector<std::string>> phrases(std::initializer_list<std::string_view> texts)
{
    std::vector<std::vector<std::string>> out;
    out.reserve(texts.size());
    for (auto t : texts) {
        const bool atEnd = t.size() > 2 && t.substr(t.size() - 2) == " $";
        out.push_back(words(atEnd ? t.substr(0, t.size() - 2) : t));
        if (atEnd) out.back().push_back("$");
    }
    return out;
}

std::size_t findPhrase(const std::vector<std::string>& tokens, const std::vector<std::string>& phrase)
{
    if (!phrase.empty() && phrase.back() == "$") {
        const std::size_t n = phrase.size() - 1;
        if (n == 0 || n > tokens.size()) return npos;
        const std::size_t i = tokens.size() - n;
        return std::equal(phrase.begin(), phrase.end() - 1, tokens.begin() + static_cast<std::ptrdiff_t>(i)) ? i : npos;
    }
    if (phrase.empty() || phrase.size() > tokens.size()) return npos;
    for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i)
        if (std::equal(phrase.begin(), phrase.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i))) return i;
    return npos;
}

}  // namespace noteward::core::notes
