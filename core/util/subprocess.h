#pragma once

#include <optional>
#include <string>
#include <vector>

namespace noteward::core {

struct ProgramRun {
    int exitCode = -1;   // -1 if it did not exit normally
    std::string output;  // standard output, when captured
};

// Runs a program found on PATH with exactly these arguments (posix_spawnp: no shell, so no
// quoting and nothing in an argument is ever interpreted), stdin and stderr on /dev/null.
// nullopt if it could not be started.
std::optional<ProgramRun> runProgram(const std::vector<std::string>& argv, bool captureOutput);

}  // namespace noteward::core
