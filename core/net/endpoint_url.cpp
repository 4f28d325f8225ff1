#include "net/endpoint_url.h"

#include <curl/curl.h>

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace noteward::core::net {

namespace {
using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;
using CurlText = std::unique_ptr<char, decltype(&curl_free)>;

// One part of a parsed URL; empty when the URL has no such part.
std::string part(CURLU* url, CURLUPart which)
{
    char* raw = nullptr;
    if (curl_url_get(url, which, &raw, 0) != CURLUE_OK || raw == nullptr) return {};
    const CurlText owned(raw, curl_free);
    return std::string(raw);
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool isLoopbackHost(const std::string& host)
{
    if (host == "localhost") return true;
    if (host == "[::1]") return true;
    // Only a literal dotted-quad address counts: inet_pton takes exactly four decimal parts.
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    return false;
}

Error refused(const std::string& message) { return makeError(ErrorCode::InvalidInput, message); }
}  // namespace

Result<EndpointUrl> checkEndpointUrl(const std::string& text)
{
    if (text.empty()) return refused("The service address is empty.");
    if (std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; }))
        return refused("The service address contains spaces or control characters.");
    UrlHandle url(curl_url(), curl_url_cleanup);
    if (!url) return makeError(ErrorCode::Internal, "Could not parse the service address.");
    // No scheme guessing: "example.com" is not taken as http://example.com.
    if (curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
        return refused("'" + text + "' is not a valid service address (it must look like https://host/…).");

    const std::string scheme = lower(part(url.get(), CURLUPART_SCHEME));
    const std::string host = lower(part(url.get(), CURLUPART_HOST));
    if (!part(url.get(), CURLUPART_USER).empty() || !part(url.get(), CURLUPART_PASSWORD).empty())
        return refused("The service address must not contain a user name or password (user@host).");
    if (host.empty()) return refused("The service address has no host.");

    EndpointUrl accepted{text, host, isLoopbackHost(host)};
    if (scheme == "https") return accepted;
    if (scheme == "http" && accepted.loopback) return accepted;
    if (scheme == "http")
        return refused("Refusing to send to " + host +
                       " without HTTPS: plain http is allowed only to this machine (127.0.0.1, ::1, localhost).");
    return refused("The service address must start with https://.");
}

}  // namespace noteward::core::net
