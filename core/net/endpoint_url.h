#pragma once

#include "util/result.h"

#include <string>

namespace noteward::core::net {

// What Noteward accepts as the address of a remote service (an AI provider, a transcription
// service, later the sync server): https to any host, or plain http only to this machine
// (a literal 127/8 address, ::1 or exactly "localhost"), and never with user:password@ in
// it. The URL is parsed with libcurl's own parser, so what is checked is what curl connects
// to: "http://127.0.0.1@192.0.2.2" or "http://localhost.evil.com" are refused.
struct EndpointUrl {
    std::string url;   // as given, once accepted
    std::string host;  // for messages
    bool loopback = false;
};

Result<EndpointUrl> checkEndpointUrl(const std::string& url);

}  // namespace noteward::core::net
