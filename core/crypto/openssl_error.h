#pragma once

#include <stdexcept>
#include <string>

namespace noteward::core::crypto {

// A failure inside OpenSSL that no input can cause (allocation, a missing algorithm). It is
// thrown, not returned: callers cannot recover and the message names only the function.
class CryptoFailure : public std::runtime_error {
public:
    explicit CryptoFailure(const std::string& what);
};

// Throws CryptoFailure naming `operation` and the first queued OpenSSL error.
[[noreturn]] void throwOpenSslFailure(const char* operation);

}  // namespace noteward::core::crypto
