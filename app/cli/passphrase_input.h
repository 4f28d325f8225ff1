#pragma once

#include "arguments.h"
#include "crypto/secret_bytes.h"
#include "util/result.h"

#include <string_view>

namespace noteward::cli {

struct PassphraseRequest {
    std::string_view prompt;
    bool confirm = false;      // a passphrase being chosen: prompt twice
    bool replacement = false;  // the new one of a change: its own file option and variable
};

// Where a passphrase comes from, in this order: the file named by --passphrase-file (or
// --new-passphrase-file), the environment variable (NOTEWARD_PASSPHRASE or
// NOTEWARD_NEW_PASSPHRASE), or a prompt on the terminal with echo off. Never an argument.
core::Result<core::crypto::SecretBytes> readPassphrase(const Arguments& args, const PassphraseRequest& request);

}  // namespace noteward::cli
