#pragma once

#include <string>
#include <string_view>

namespace noteward::sync::protocol {

// Every id on the wire (practice, client, object, user, invitation) is a lower-case version-4
// UUID, as core makes them. Checked before an id reaches storage or a path, so "../", NUL,
// upper-case twins and over-long ids never do.
bool isWireId(std::string_view id);

// An e-mail address as the server keys accounts by it: trimmed, ASCII lower-case, one '@',
// at most 254 bytes, no spaces or control characters. Empty when it is not one.
std::string normalisedEmail(std::string_view email);

}  // namespace noteward::sync::protocol
