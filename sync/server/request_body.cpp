#include "server/request_body.h"

#include "server/http_replies.h"

#include <cstdint>
#include <string>
#include <utility>

namespace noteward::sync::server {

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
        if (declared > maxBytes) {
            dropBody(read);
            return replyError(res, 413, "payload_too_large", "The request body is larger than this server accepts.");
        }
        std::string body;
        body.reserve(static_cast<std::size_t>(declared));
        const bool whole = read([&](const char* data, std::size_t length) {
            body.append(data, length);
            return body.size() <= maxBytes;
        });
        if (!whole || body.size() > maxBytes) return;  // cut short: the library answers 400
        // The handler reads the body from the request, as on a plain route. The copy's
        // `matches` still point into `req.path`, which outlives the call.
        httplib::Request withBody = req;
        withBody.body = std::move(body);
        handler(withBody, res);
    };
}

}  // namespace noteward::sync::server
