#include "mock_llm_server.h"

#include <httplib.h>

#include <algorithm>
#include <deque>
#include <thread>

namespace noteward::test {

struct MockLlmServer::Impl {
    Dialect dialect;
    httplib::Server server;
    std::thread thread;
    int port = 0;
    mutable std::mutex mutex;
    std::deque<Reply> scripted;
    Model model;
    std::vector<Captured> captured;
};

namespace {
// The structured payload the engine sent: the user message's JSON content.
nlohmann::json payloadOf(const nlohmann::json& request)
{
    const auto& messages = request.at("messages");
    for (const auto& m : messages)
        if (m.value("role", "") == "user") return nlohmann::json::parse(m.at("content").get<std::string>());
    return nlohmann::json::object();
}
}  // namespace

MockLlmServer::MockLlmServer(Dialect dialect) : m_impl(std::make_unique<Impl>())
{
    m_impl->dialect = dialect;
    const char* path = dialect == Dialect::Anthropic ? "/v1/messages" : "/v1/chat/completions";
    m_impl->server.Post(path, [this](const httplib::Request& req, httplib::Response& res) {
        Captured c;
        for (const auto& [name, value] : req.headers) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
            c.headers[lower] = value;
        }
        c.body = req.body;
        c.at = std::chrono::steady_clock::now();
        Reply reply;
        {
            std::lock_guard lock(m_impl->mutex);
            m_impl->captured.push_back(c);
            if (!m_impl->scripted.empty()) {
                reply = m_impl->scripted.front();
                m_impl->scripted.pop_front();
            } else if (m_impl->model) {
                reply.body = answer(m_impl->model(payloadOf(nlohmann::json::parse(req.body))));
            } else {
                reply.status = 500;
                reply.body = "{}";
            }
        }
        if (reply.delay.count() > 0) std::this_thread::sleep_for(reply.delay);
        res.status = reply.status;
        for (const auto& [name, value] : reply.headers) res.set_header(name, value);
        if (reply.cutAfterHalf) {
            const std::string body = reply.body;
            res.set_content_provider(body.size(), "application/json",
                                     [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                         if (offset > 0) return false;
                                         sink.write(body.data(), body.size() / 2);
                                         return false;  // hang up before the promised length
                                     });
        } else {
            res.set_content(reply.body, "application/json");
        }
    });
    m_impl->port = m_impl->server.bind_to_any_port("127.0.0.1");
    m_impl->thread = std::thread([this] { m_impl->server.listen_after_bind(); });
    while (!m_impl->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MockLlmServer::~MockLlmServer()
{
    m_impl->server.stop();
    if (m_impl->thread.joinable()) m_impl->thread.join();
}

std::string MockLlmServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_impl->port); }

void MockLlmServer::script(std::vector<Reply> replies)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->scripted.assign(replies.begin(), replies.end());
}

void MockLlmServer::setModel(Model model)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->model = std::move(model);
}

std::vector<MockLlmServer::Captured> MockLlmServer::requests() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->captured;
}

std::string MockLlmServer::answer(const nlohmann::json& result) const
{
    if (m_impl->dialect == Dialect::Anthropic) {
        return nlohmann::json{{"id", "msg_01"},
                              {"type", "message"},
                              {"role", "assistant"},
                              {"model", "claude-test"},
                              {"content", {{{"type", "tool_use"}, {"id", "toolu_01"}, {"name", "record"}, {"input", result}}}},
                              {"stop_reason", "tool_use"},
                              {"usage", {{"input_tokens", 10}, {"output_tokens", 10}}}}
            .dump();
    }
    return nlohmann::json{{"id", "chatcmpl-1"},
                          {"object", "chat.completion"},
                          {"model", "gpt-test"},
                          {"choices",
                           {{{"index", 0},
                             {"message", {{"role", "assistant"}, {"content", result.dump()}}},
                             {"finish_reason", "stop"}}}}}
        .dump();
}

}  // namespace noteward::test
