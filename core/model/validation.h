#pragma once

#include "model/client.h"
#include "model/session.h"
#include "util/result.h"

#include <string_view>

namespace noteward::core::model {

// A real calendar date written YYYY-MM-DD.
bool isIsoDate(std::string_view text);

// Checks and normalises a client before it is stored: trims the name, rewrites the NHS
// number to its ten digits. The message names the field at fault.
Result<Client> validateClient(Client client, std::string_view today);
Result<Session> validateSession(Session session);

}  // namespace noteward::core::model
