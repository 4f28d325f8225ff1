#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace noteward::test {

// A local HTTP server (127.0.0.1 only) that speaks a provider's published wire format, for
// testing the cloud engines without a network: Anthropic's Messages API (/v1/messages) or
// OpenAI's Chat Completions (/v1/chat/completions). It records every request and answers
// from a script: a status, headers, a body, a delay, or a connection cut mid-answer.
class MockLlmServer {
public:
    enum class Dialect { Anthropic, OpenAi };

    struct Reply {
        int status = 200;
        std::string body;
        std::map<std::string, std::string> headers;
        std::chrono::milliseconds delay{0};
        bool cutAfterHalf = false;  // promise the full length, send half, hang up
    };

    struct Captured {
        std::map<std::string, std::string> headers;  // lower-case names
        std::string body;
        std::chrono::steady_clock::time_point at;
    };

    // Given the structured request payload ({"task": …}), what the model "answers".
    using Model = std::function<nlohmann::json(const nlohmann::json& payload)>;

    explicit MockLlmServer(Dialect dialect);
    ~MockLlmServer();

    std::string baseUrl() const;
    // Replies used in order before the model takes over.
    void script(std::vector<Reply> replies);
    void setModel(Model model);
    std::vector<Captured> requests() const;

    // A successful answer in this dialect carrying `result` as the structured output.
    std::string answer(const nlohmann::json& result) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace noteward::test
