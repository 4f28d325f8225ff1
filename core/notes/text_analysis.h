#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// Small, deterministic text tools for the local engine and the verifier. English only, by
// design: the product's transcripts are en-GB.

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the last byte
    std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Sentences of `text` as byte ranges of the original, trimmed of surrounding spaces, so a
// quote taken from one is an exact substring of the segment.
std::vector<Span> splitSentences(std::string_view text);

// Clauses within a sentence, split at commas, semicolons and " but ".
std::vector<Span> splitClauses(std::string_view sentence);

// Lower-case word tokens (letters, digits, apostrophes, inner hyphens; UTF-8 bytes are kept as
// letters). Curly apostrophes are folded to '.
std::vector<std::string> words(std::string_view text);

// words() with where each word sits in `text`.
struct WordAt {
    std::string word;
    Span span;
};
std::vector<WordAt> wordsWithSpans(std::string_view text);

// Words that carry no content of their own (articles, pronouns, auxiliaries, fillers).
bool isStopword(std::string_view word);

// A light suffix-stripping stem, so "avoided"/"avoiding"/"avoids" meet.
std::string stem(std::string_view word);

// Each text as its words(): a list of phrases to look for with findPhrase. A text ending in
// " $" matches only at the end of the tokens ("i didn't go $": "I didn't go.", not "I didn't
// go back to sleep").
std::vector<std::vector<std::string>> phrases(std::initializer_list<std::string_view> texts);

// Index of the first occurrence of `phrase` (a sequence of words, maybe ending in "$") in
// `tokens`, or npos.
std::size_t findPhrase(const std::vector<std::string>& tokens, const std::vector<std::string>& phrase);

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

}  // namespace noteward::core::notes
