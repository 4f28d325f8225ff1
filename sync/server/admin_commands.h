#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace noteward::sync::server {

// noteward-syncd admin create-practice --name N | admin invite --practice ID --email E
// --role therapist|practice_manager [--days N], with --config or --data-dir like the server.
// Scriptable: the result alone on stdout (the practice id; the invitation token), messages on
// stderr. Returns the exit status (0, 1 failed, 2 usage).
int runAdminCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace noteward::sync::server
