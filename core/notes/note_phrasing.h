#pragma once

#include "notes/note_vocabulary.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// How the on-device engine words a note: speech restated in the note's register, built only
// from the words said (the grounding verifier checks that), with fillers and openers dropped.

// "Um, yes, and I went out." → "I went out." Never drops "No," (it carries the answer).
std::string withoutFillers(std::string_view text);
// A restated sentence continuing after a prefix: "This week…" → "this week…"; names keep capitals.
std::string continuing(std::string text);
// The client's sentence after `prefix` (e.g. "Client reported that "), in the third person;
// someone else's words inside it stay quoted as spoken, with their own pronouns.
std::string clientSays(std::string_view prefix, std::string_view sentence);
std::string asciiLower(std::string_view text);
// Rewrites `text` word by word (letters, apostrophes and non-ASCII bytes make a word);
// `replace` gets each word as written and lower-cased, and returns what to write.
std::string rewriteWords(std::string_view text,
                         const std::function<std::string(const std::string&, const std::string&)>& replace);
// The therapist's "you" is the client: "your sister" is written "their sister".
std::string addressedToClient(std::string_view text);
// The rest of `text` after the first of `openers` that starts a word (case ignored), without
// the punctuation that follows it; nullopt when none is there or too little follows.
std::optional<std::string> afterOpener(const std::string& text, const std::vector<std::string_view>& openers,
                                       std::size_t minWords = 3);
// What the therapist sets or plans, in the note's register rather than as a quote:
// "For homework this week: a thought record…" is "Homework set: a thought record…".
std::optional<std::string> inRegister(Section section, const std::string& cleaned);
// "I've been avoiding my friends." → "they've been avoiding their friends."
std::string toThirdPerson(std::string_view firstPerson);
// First letter lower-cased unless the word is "I" or looks like a name.
std::string lowerFirst(std::string text);
// A sentence opened again after a dropped opener ("And what went through your mind?" → "What
// went through your mind?"): its first letter upper case.
std::string upperFirst(std::string text);

}  // namespace noteward::core::notes
