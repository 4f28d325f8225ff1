#include "net/http_client.h"

#include "net/endpoint_url.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <cctype>
#include <memory>
#include <mutex>

namespace noteward::core::net {

namespace {
int onProgress(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

struct Collected {
    std::string body;
    std::map<std::string, std::string> headers;
    bool tooLarge = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* collected = static_cast<Collected*>(user);
    const std::size_t n = size * count;
    if (collected->body.size() + n > HttpClient::kMaxResponseBytes) {
        collected->tooLarge = true;
        return 0;  // aborts the transfer
    }
    collected->body.append(data, n);
    return n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* collected = static_cast<Collected*>(user);
    const std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        collected->headers[name] = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    }
    return size * count;
}

// The secret header line in wiped memory, linked as a curl_slist node of our own (libcurl's
// curl_slist_append would copy it into memory nobody wipes).
struct SecretHeaderLine {
    crypto::SecretBytes line;
    curl_slist node{};

    explicit SecretHeaderLine(const SecretHeader& header)
        : line(header.name.size() + 2 + header.prefix.size() + (header.value ? header.value->size() : 0) + 1)
    {
        std::uint8_t* out = line.data();
        auto put = [&out](ByteView bytes) {
            if (!bytes.empty()) std::memcpy(out, bytes.data(), bytes.size());
            out += bytes.size();
        };
        put(asBytes(header.name));
        put(asBytes(std::string_view(": ")));
        put(asBytes(header.prefix));
        if (header.value) put(header.value->view());
        *out = 0;
        node.data = reinterpret_cast<char*>(line.data());
        node.next = nullptr;
    }
};

void globalInitOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}
}  // namespace

Result<HttpResponse> HttpClient::send(const HttpRequest& request) const
{
    globalInitOnce();
    // Plain HTTP only to this machine (a local test or a practice's own server on it); keys and
    // clinical text never cross a network unencrypted.
    auto endpoint = checkEndpointUrl(request.url);
    if (!endpoint) return makeError(ErrorCode::Refused, endpoint.error().message);
    const std::string& host = endpoint->host;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return makeError(ErrorCode::Internal, "Could not start an HTTP request.");
    Collected collected;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
        curl_slist* grown = curl_slist_append(headers, (name + ": " + value).c_str());
        if (grown == nullptr) {
            curl_slist_free_all(headers);
            return makeError(ErrorCode::Internal, "Could not prepare an HTTP request.");
        }
        headers = grown;
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(headers, curl_slist_free_all);
    std::optional<SecretHeaderLine> secretLine;
    curl_slist* allHeaders = headers;
    if (request.secretHeader) {
        secretLine.emplace(*request.secretHeader);
        secretLine->node.next = headers;
        allHeaders = &secretLine->node;
    }

    CURL* h = curl.get();
    bool configured = true;
    auto set = [&configured](CURLcode rc) { configured = configured && rc == CURLE_OK; };
    set(curl_easy_setopt(h, CURLOPT_URL, request.url.c_str()));
    set(curl_easy_setopt(h, CURLOPT_HTTPHEADER, allHeaders));
    set(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody));
    set(curl_easy_setopt(h, CURLOPT_WRITEDATA, &collected));
    set(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader));
    set(curl_easy_setopt(h, CURLOPT_HEADERDATA, &collected));
    set(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count())));
    set(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L));
    set(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L));
    set(curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2)));
    set(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L));
    set(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L));
    set(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, endpoint->loopback ? "https,http" : "https"));
    // A proxy from the environment must not see loopback traffic (nor turn it into network traffic).
    if (endpoint->loopback) set(curl_easy_setopt(h, CURLOPT_NOPROXY, "*"));
    std::unique_ptr<curl_mime, decltype(&curl_mime_free)> mime(nullptr, curl_mime_free);
    if (!request.multipart.empty()) {
        mime.reset(curl_mime_init(h));
        if (!mime) configured = false;
        for (const auto& field : request.multipart) {
            if (!configured) break;
            curl_mimepart* part = curl_mime_addpart(mime.get());
            if (part == nullptr) {
                configured = false;
                break;
            }
            set(curl_mime_name(part, field.name.c_str()));
            set(curl_mime_data(part, field.data.data(), field.data.size()));
            if (!field.filename.empty()) set(curl_mime_filename(part, field.filename.c_str()));
            if (!field.contentType.empty()) set(curl_mime_type(part, field.contentType.c_str()));
        }
        set(curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get()));
    } else if (!request.body.empty()) {
        set(curl_easy_setopt(h, CURLOPT_POST, 1L));
        set(curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data()));
        set(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size())));
    }
    if (!configured)
        return makeError(ErrorCode::Internal, "This build's libcurl refused a required setting; nothing was sent.");
    if (request.cancel) {
        // libcurl asks this several times a second, also while waiting for an answer.
        set(curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L));
        set(curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress));
        set(curl_easy_setopt(h, CURLOPT_XFERINFODATA, request.cancel));
        if (!configured)
            return makeError(ErrorCode::Internal, "This build's libcurl refused a required setting; nothing was sent.");
    }
    const CURLcode rc = curl_easy_perform(h);
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return makeError(ErrorCode::Cancelled, "The request to " + host + " was cancelled.");
    if (collected.tooLarge)
        return makeError(ErrorCode::Unavailable, "The answer from " + host + " was larger than Noteward accepts.");
    if (rc != CURLE_OK) {
        const std::string what = rc == CURLE_OPERATION_TIMEDOUT ? "timed out"
                                 : rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING
                                     ? "cut the connection before answering in full"
                                     : curl_easy_strerror(rc);
        return makeError(ErrorCode::Unavailable, "The request to " + host + " failed: " + what + ".");
    }
    HttpResponse response;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    response.headers = std::move(collected.headers);
    response.body = std::move(collected.body);
    return response;
}

std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse& response)
{
    const auto it = response.headers.find("retry-after");
    if (it == response.headers.end() || it->second.empty()) return std::nullopt;
    long seconds = 0;
    const char* begin = it->second.data();
    const char* end = begin + it->second.size();
    const auto [ptr, ec] = std::from_chars(begin, end, seconds);
    // A huge or malformed value is not a reason to fail: fall back to our own back-off.
    if (ec != std::errc() || ptr != end || seconds < 0) return std::nullopt;
    seconds = std::min(seconds, 120L);
    return std::chrono::milliseconds(seconds * 1000);
}

}  // namespace noteward::core::net
