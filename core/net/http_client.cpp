#include "net/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace noteward::core::net {

namespace {
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

std::string hostOf(const std::string& url)
{
    const auto start = url.find("://");
    const auto from = start == std::string::npos ? 0 : start + 3;
    return url.substr(from, url.find('/', from) - from);
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}
}  // namespace

Result<HttpResponse> HttpClient::send(const HttpRequest& request) const
{
    globalInit();
    const std::string host = hostOf(request.url);
    if (request.url.rfind("https://", 0) != 0) {
        // Plain HTTP only to this machine (a local test or proxy); keys and clinical text never
        // cross a network unencrypted.
        const bool loopback = request.url.rfind("http://127.", 0) == 0 || request.url.rfind("http://localhost", 0) == 0 ||
                              request.url.rfind("http://[::1]", 0) == 0;
        if (!loopback) return makeError(ErrorCode::Refused, "Refusing to send to " + host + " without HTTPS.");
    }
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return makeError(ErrorCode::Internal, "Could not start an HTTP request.");
    Collected collected;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(headers, curl_slist_free_all);

    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &collected);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &collected);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
    std::unique_ptr<curl_mime, decltype(&curl_mime_free)> mime(nullptr, curl_mime_free);
    if (!request.multipart.empty()) {
        mime.reset(curl_mime_init(h));
        for (const auto& field : request.multipart) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, field.name.c_str());
            curl_mime_data(part, field.data.data(), field.data.size());
            if (!field.filename.empty()) curl_mime_filename(part, field.filename.c_str());
            if (!field.contentType.empty()) curl_mime_type(part, field.contentType.c_str());
        }
        curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());
    } else if (!request.body.empty()) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    const CURLcode rc = curl_easy_perform(h);
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
    if (!std::all_of(it->second.begin(), it->second.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    const long seconds = std::min(std::stol(it->second), 120L);
    return std::chrono::milliseconds(seconds * 1000);
}

}  // namespace noteward::core::net
