#pragma once

namespace noteward::core {

// Called first thing by every executable. In hardened (non-debug) builds it refuses core
// dumps and ptrace attachment, so vault keys and clinical text in memory never land on disk
// in a crash dump. Debug builds leave dumps on for developers.
void hardenProcess();

}  // namespace noteward::core
