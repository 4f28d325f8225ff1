#pragma once

#include "util/result.h"

#include <filesystem>

namespace noteward::sync::server {

struct TlsFiles {
    std::filesystem::path certificate;  // PEM
    std::filesystem::path privateKey;   // PEM, mode 0600
};

// The embedded default's TLS identity: a self-signed ECDSA P-256 certificate for localhost,
// 127.0.0.1 and ::1, valid 90 days, kept under <data-dir>/tls so a developer's client can
// trust (pin) it once. Made when missing or expired, reused otherwise.
core::Result<TlsFiles> loopbackIdentity(const std::filesystem::path& dataDir);

}  // namespace noteward::sync::server
