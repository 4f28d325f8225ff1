#include "crypto/openssl_error.h"

#include <openssl/err.h>

namespace noteward::core::crypto {

CryptoFailure::CryptoFailure(const std::string& what) : std::runtime_error(what) {}

void throwOpenSslFailure(const char* operation)
{
    char reason[256] = {};
    ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
    ERR_clear_error();
    throw CryptoFailure(std::string(operation) + " failed: " + reason);
}

}  // namespace noteward::core::crypto
