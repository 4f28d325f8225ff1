#pragma once

#include "crypto/openssl_error.h"
#include "vault/database.h"

namespace noteward::core::vault {

// Runs a vault operation and turns what it throws into the Error a person should see; the
// boundary between the throwing internals of core/vault and the value-returning API.
template <typename Body>
auto guarded(Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const DbError& e) {
        return e.toError();
    } catch (const crypto::CryptoFailure& e) {
        return makeError(ErrorCode::Internal, std::string("Cryptography failure: ") + e.what());
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::Internal, "Out of memory.");
    }
}

}  // namespace noteward::core::vault
