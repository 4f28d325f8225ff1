#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace noteward::cli {

// The whole of noteward-cli: parses `args` (without the program name), runs the command and
// returns the exit status (0 ok, 1 a user-facing error, 2 a usage error).
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace noteward::cli
