#include "server/request_body.h"

#include "server/http_replies.h"

#include <cstdint>
#include <string>
#include <utility>

namespace noteward::sync::server {

namespace {
thread_local bool t_encoded = false;
}

void readBodyAsSent(const httplib::Request& sent)
{
    // The library passes its own request, a non-const object, as a const reference.
    auto& req = const_cast<httplib::Request&>(sent);
    t_encoded = req.has_header("Content-Encoding") || req.is_multipart_form_data();
    req.headers.erase("Content-Encoding");
    if (req.is_multipart_form_data()) {
        req.headers.erase("Content-Type");
        req.headers.emplace("Content-Type", "application/x-refused-multipart");
    }
}

bool bodyWasEncoded() { return t_encoded; }

void replyBodyWasEncoded(httplib::Response& res)
{
    replyError(res, 415, "unsupported_media_type", "Send the body as it is: no Content-Encoding, no multipart form.");
}

void dropBody(const httplib::ContentReader& read)
{
    (void)read([](const char*, std::size_t) { return true; });
}

httplib::Server::HandlerWithContentReader withJsonBody(std::size_t maxBytes, httplib::Server::Handler handler)
{
    return [maxBytes, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                                    const httplib::ContentReader& read) {
        // Every POST and PUT declares its length (the pre-routing check answers 411 otherwise).
        const auto declared = req.get_header_value<std::uint64_t>("Content-Length");
        if (declared > maxBytes || bodyWasEncoded()) {
            dropBody(read);
            if (bodyWasEncoded()) return replyBodyWasEncoded(res);
            return replyError(res, 413, "payload_too_large", "The request body is larger than this server accepts.");
        }
        std::string body;
        body.reserve(static_cast<std::size_t>(declared));
        const bool whole = read([&](const char* data, std::size_t length) {
            body.append(data, length);  // no more than declared: the body is read as sent
            return true;
        });
        if (!whole) return;  // cut short: the library answers 400
        // The handler reads the body from the request, as on a plain route. The copy's
        // `matches` still point into `req.path`, which outlives the call.
        httplib::Request withBody = req;
        withBody.body = std::move(body);
        handler(withBody, res);
    };
}

}  // namespace noteward::sync::server
