#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::net {

struct MultipartField {
    std::string name;
    std::string data;
    std::string filename;     // set for a file part
    std::string contentType;  // e.g. audio/wav
};

// A header whose value is a secret (an API key): "name: prefix<secret>" is assembled only in
// wiped memory, never in a std::string.
struct SecretHeader {
    std::string name;
    std::string prefix;  // e.g. "Bearer "
    std::shared_ptr<const crypto::SecretBytes> value;
};

struct HttpRequest {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<SecretHeader> secretHeader;
    std::string body;  // sent as POST when not empty, else GET
    std::vector<MultipartField> multipart;  // sent as multipart/form-data POST when not empty
    std::chrono::milliseconds timeout{60000};
    // Set from another thread to abandon the transfer at once (a lock, a Cancel button).
    const std::atomic<bool>* cancel = nullptr;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

// One HTTPS request through libcurl: TLS 1.2 or newer, certificate checks on, no redirects
// followed, no proxy for loopback, bounded response size; the URL must pass checkEndpointUrl. Network failures (refused, timed out, cut off mid-body)
// come back as ErrorCode::Unavailable with a message naming the host, never the body.
class HttpClient {
public:
    static constexpr std::size_t kMaxResponseBytes = 16 * 1024 * 1024;

    Result<HttpResponse> send(const HttpRequest& request) const;
};

// Seconds to wait from a Retry-After header (delta-seconds form), if present and sane.
std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse& response);

}  // namespace noteward::core::net
