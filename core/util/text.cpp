#include "util/text.h"

namespace noteward::core {

std::string foldCase(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {
// Length of the well-formed UTF-8 sequence at text[i], or 0.
std::size_t sequenceLength(std::string_view text, std::size_t i, char32_t* codePoint)
{
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (b0 < 0x80) {
        *codePoint = b0;
        return 1;
    }
    if ((b0 & 0xe0) == 0xc0) { length = 2; cp = b0 & 0x1f; minimum = 0x80; }
    else if ((b0 & 0xf0) == 0xe0) { length = 3; cp = b0 & 0x0f; minimum = 0x800; }
    else if ((b0 & 0xf8) == 0xf0) { length = 4; cp = b0 & 0x07; minimum = 0x10000; }
    else return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    *codePoint = cp;
    return length;
}
}  // namespace

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = sequenceLength(text, i, &cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string forTerminal(std::string_view text, bool multiline)
{
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = sequenceLength(text, i, &cp);
        if (n == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        const bool allowedSpace = multiline && (cp == '\n' || cp == '\t');
        if (!allowedSpace && (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))) out += kReplacement;
        else out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace noteward::core
