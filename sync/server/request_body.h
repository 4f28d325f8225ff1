#pragma once

#include <httplib.h>

#include <cstddef>

namespace noteward::sync::server {

// Before routing: the body is to be read as the raw bytes its Content-Length declares.
// cpp-httplib 0.11 would otherwise inflate a compressed body (past any limit, or stopping
// part-way with the rest left on the connection, to be read as a request) and parse a
// multipart one (throwing on a malformed one, again with the rest unread). Both are taken out
// of the request's headers here; the route reads the body and then refuses it with 415.
void readBodyAsSent(const httplib::Request& req);
// Whether this thread's request came compressed or as multipart form data (see readBodyAsSent).
bool bodyWasEncoded();
void replyBodyWasEncoded(httplib::Response& res);

// Reads a body to its end and drops it: cpp-httplib 0.11 keeps the connection open whatever
// the answer says, and body bytes left unread would be read as the next request.
void dropBody(const httplib::ContentReader& read);

// A route with a JSON body, registered as a content-reader route: cpp-httplib 0.11 has one
// body limit for every route, and a blob chunk may be larger than a JSON request. A body
// declared over `maxBytes` is read and dropped, never kept, and answered 413; any other is
// read into memory and the handler sees it in `req.body`, as for a plain route.
httplib::Server::HandlerWithContentReader withJsonBody(std::size_t maxBytes, httplib::Server::Handler handler);

}  // namespace noteward::sync::server
