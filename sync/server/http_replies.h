#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace httplib {
struct Response;
}

namespace noteward::sync::server {

// Every answer is JSON (but /healthz and /metrics); errors carry a stable code and a sentence.
void replyJson(httplib::Response& res, int status, const nlohmann::json& body);
void replyError(httplib::Response& res, int status, const std::string& code, const std::string& message);

// The wire code and sentence for a status the routes did not explain themselves (404, 413…).
void replyStatusError(httplib::Response& res);

}  // namespace noteward::sync::server
