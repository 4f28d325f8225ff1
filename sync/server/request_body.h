#pragma once

#include <httplib.h>

#include <cstddef>

namespace noteward::sync::server {

// Reads a body to its end and drops it: cpp-httplib 0.11 keeps the connection open whatever
// the answer says, and body bytes left unread would be read as the next request.
void dropBody(const httplib::ContentReader& read);

// A route with a JSON body, registered as a content-reader route: cpp-httplib 0.11 has one
// body limit for every route, and a blob chunk may be larger than a JSON request. A body
// declared over `maxBytes` is read and dropped, never kept, and answered 413; any other is
// read into memory and the handler sees it in `req.body`, as for a plain route.
httplib::Server::HandlerWithContentReader withJsonBody(std::size_t maxBytes, httplib::Server::Handler handler);

}  // namespace noteward::sync::server
