#pragma once

#include <string>
#include <string_view>

namespace noteward::core {

// ASCII case folding for search keys; bytes outside ASCII (UTF-8) are kept as they are.
std::string foldCase(std::string_view text);

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

// Text that is safe to print on a terminal: control characters (ESC and so ANSI escapes, BEL,
// CR, C1 controls) become U+FFFD, except newline and tab when `multiline`. Invalid UTF-8 bytes
// become U+FFFD too.
std::string forTerminal(std::string_view text, bool multiline = false);

}  // namespace noteward::core
