#include "server/http_replies.h"

#include "protocol/server_info.h"

#include <httplib.h>

namespace noteward::sync::server {

void replyJson(httplib::Response& res, int status, const nlohmann::json& body)
{
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void replyError(httplib::Response& res, int status, const std::string& code, const std::string& message)
{
    replyJson(res, status, protocol::toJson(protocol::WireError{code, message}));
}

void replyStatusError(httplib::Response& res)
{
    switch (res.status) {
    case 400: return replyError(res, 400, "bad_request", "The request could not be read.");
    case 404: return replyError(res, 404, "not_found", "There is nothing at this address.");
    case 405: return replyError(res, 405, "method_not_allowed", "This address does not take that method.");
    case 408: return replyError(res, 408, "timeout", "The request took too long to arrive.");
    case 413: return replyError(res, 413, "payload_too_large", "The request body is larger than this server accepts.");
    case 414: return replyError(res, 414, "uri_too_long", "The address is too long.");
    case 416: return replyError(res, 416, "range_not_satisfiable", "The requested range is not available.");
    case 429: return replyError(res, 429, "rate_limited", "Too many requests; try again shortly.");
    default:
        if (res.status >= 500) return replyError(res, res.status, "server_error", "The server could not complete the request.");
        return replyError(res, res.status, "error", "The request was refused.");
    }
}

}  // namespace noteward::sync::server
