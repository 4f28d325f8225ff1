#pragma once

#include "util/bytes.h"

#include <string>
#include <string_view>

namespace noteward::sync::server {

// The login secret a client sends is already a 256-bit key derived on the device from the
// password and the Secret Key (see DESIGN.md), so it cannot be guessed; it is still stored
// only as Argon2id (PHC string, random salt), so a copy of the server's database does not
// let anyone log in. Parameters: 19 MiB, t=2, p=1 (OWASP's floor for Argon2id), which keeps
// a login cheap enough for a small server.
std::string hashAuthKey(core::ByteView authKey);
bool authKeyMatches(std::string_view phc, core::ByteView authKey);

// A hash to compare against when the e-mail is unknown, so an unknown e-mail costs the same
// time as a known one.
const std::string& decoyAuthHash();

}  // namespace noteward::sync::server
