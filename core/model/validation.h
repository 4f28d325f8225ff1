#pragma once

#include "model/client.h"
#include "model/session.h"
#include "util/result.h"

#include <string_view>

namespace noteward::core::model {

// Text a person typed or a file supplied, checked before it is stored: valid UTF-8, within
// `maxBytes`, and without control characters (newlines and tabs allowed when `multiline`).
// The message names `what`.
Result<void> checkText(std::string_view text, std::string_view what, std::size_t maxBytes, bool multiline = false);

// A real calendar date written YYYY-MM-DD.
bool isIsoDate(std::string_view text);

// Checks and normalises a client before it is stored: trims the name, rewrites the NHS
// number to its ten digits. The message names the field at fault.
Result<Client> validateClient(Client client, std::string_view today);
Result<Session> validateSession(Session session);

}  // namespace noteward::core::model
