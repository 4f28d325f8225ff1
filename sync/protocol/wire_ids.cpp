#include "protocol/wire_ids.h"

#include <algorithm>

namespace noteward::sync::protocol {

bool isWireId(std::string_view id)
{
    if (id.size() != 36) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    // Version 4, RFC 4122 variant.
    return id[14] == '4' && (id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
}

std::string normalisedEmail(std::string_view email)
{
    while (!email.empty() && email.front() == ' ') email.remove_prefix(1);
    while (!email.empty() && email.back() == ' ') email.remove_suffix(1);
    if (email.empty() || email.size() > 254) return {};
    std::string out;
    for (const char c : email) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return {};
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    const auto at = out.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == out.size() || out.find('@', at + 1) != std::string::npos)
        return {};
    return out;
}

}  // namespace noteward::sync::protocol
