#pragma once

#include "util/result.h"

#include <openssl/ssl.h>

#include <filesystem>

namespace noteward::sync::server {

// Sessions kept for resumption (OpenSSL evicts the oldest past this).
inline constexpr long kTlsSessionCacheSize = 1024;

// The server's TLS policy on an OpenSSL context: TLS 1.2 minimum (1.3 negotiated whenever the
// client has it), forward-secret AEAD suites only, the server's order, no renegotiation,
// compression or TLS 1.2 session tickets (one ticket key for the process's life would weaken
// forward secrecy), a bounded session cache; then the certificate chain and its key, which
// must match.
core::Result<void> configureServerTls(SSL_CTX& ctx, const std::filesystem::path& certificate,
                                      const std::filesystem::path& privateKey);

}  // namespace noteward::sync::server
