#include "server/tls_context.h"

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

core::Result<void> configureServerTls(SSL_CTX& ctx, const std::filesystem::path& certificate,
                                      const std::filesystem::path& privateKey)
{
    // TLS 1.2 suites: ECDHE only (forward secrecy), AES-GCM or ChaCha20-Poly1305 only.
    static constexpr char kTls12Ciphers[] =
        "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
        "ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";
    static constexpr char kTls13Suites[] = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
    if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1 || SSL_CTX_set_cipher_list(&ctx, kTls12Ciphers) != 1 ||
        SSL_CTX_set_ciphersuites(&ctx, kTls13Suites) != 1)
        return makeError(ErrorCode::Internal, "OpenSSL refused the TLS policy.");
    SSL_CTX_set_options(&ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION |
                                  SSL_OP_NO_TICKET);
    // With tickets off, every full handshake keeps its session in this context's cache, and
    // OpenSSL's default holds 20,480 of them for two hours: under a steady stream of new
    // connections the server's memory crept up about 1 KiB a connection (0.5-0.7 MiB a
    // minute under load). A small cache still lets a client that reconnects soon resume.
    SSL_CTX_sess_set_cache_size(&ctx, kTlsSessionCacheSize);
    if (SSL_CTX_use_certificate_chain_file(&ctx, certificate.string().c_str()) != 1)
        return makeError(ErrorCode::InvalidInput, "Cannot use the TLS certificate " + certificate.string() +
                                                      " (missing, unreadable or not PEM).");
    if (SSL_CTX_use_PrivateKey_file(&ctx, privateKey.string().c_str(), SSL_FILETYPE_PEM) != 1)
        return makeError(ErrorCode::InvalidInput, "Cannot use the TLS private key " + privateKey.string() +
                                                      " (missing, unreadable, encrypted or not PEM).");
    if (SSL_CTX_check_private_key(&ctx) != 1)
        return makeError(ErrorCode::InvalidInput, "The TLS private key does not belong to the certificate.");
    return core::Ok{};
}

}  // namespace noteward::sync::server
