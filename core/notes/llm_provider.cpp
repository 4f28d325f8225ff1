#include "notes/llm_provider.h"

#include <algorithm>
#include <thread>

namespace noteward::core::notes {

namespace {
bool worthRetrying(long status)
{
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
}

std::string trimmedBase(std::string url)
{
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

Error unusable(const std::string& provider, const std::string& why)
{
    return makeError(ErrorCode::Unavailable, "The " + provider + " engine gave an unusable answer (" + why + ").");
}
}  // namespace

std::shared_ptr<const crypto::SecretBytes> apiKeyFrom(std::string text)
{
    return std::make_shared<const crypto::SecretBytes>(crypto::SecretBytes::takeString(text));
}

Result<net::HttpResponse> postWithRetries(const ProviderConfig& config, const std::string& url,
                                          const std::vector<std::pair<std::string, std::string>>& headers,
                                          net::SecretHeader auth, const std::string& body, const std::string& providerName,
                                          const std::function<void(std::chrono::milliseconds)>& sleep)
{
    net::HttpRequest request;
    request.url = url;
    request.headers = headers;
    request.secretHeader = std::move(auth);
    request.body = body;
    return sendWithRetries(config, std::move(request), providerName, sleep);
}

Result<net::HttpResponse> sendWithRetries(const ProviderConfig& config, net::HttpRequest request,
                                          const std::string& providerName,
                                          const std::function<void(std::chrono::milliseconds)>& sleep)
{
    const net::HttpClient client;
    request.timeout = config.timeout;
    request.cancel = config.cancel.get();
    auto backoff = config.firstBackoff;
    Error last = makeError(ErrorCode::Unavailable, "The " + providerName + " engine could not be reached.");
    const auto cancelled = [&config] { return config.cancel && config.cancel->load(); };
    for (int attempt = 1; attempt <= std::max(1, config.maxAttempts); ++attempt) {
        if (cancelled())
            return makeError(ErrorCode::Cancelled, "Drafting with the " + providerName + " engine was cancelled.");
        auto response = client.send(request);
        std::chrono::milliseconds wait = backoff;
        if (!response) {
            if (response.error().code != ErrorCode::Unavailable) return response.error();
            last = response.error();
        } else if (response->status >= 200 && response->status < 300) {
            return response;
        } else if (response->status == 401 || response->status == 403) {
            return makeError(ErrorCode::Refused, "The " + providerName + " engine refused the API key (HTTP " +
                                                     std::to_string(response->status) +
                                                     "). Check the key stored in the vault.");
        } else if (!worthRetrying(response->status)) {
            return makeError(ErrorCode::Refused, "The " + providerName + " engine refused the request (HTTP " +
                                                     std::to_string(response->status) + ").");
        } else {
            last = makeError(ErrorCode::Unavailable, "The " + providerName + " engine is unavailable (HTTP " +
                                                         std::to_string(response->status) + ").");
            if (auto hinted = net::retryAfter(response.value())) wait = *hinted;
        }
        if (attempt == config.maxAttempts) break;
        if (sleep) {
            sleep(wait);
        } else {
            // In short steps, so a cancel does not wait out a back-off of up to 30 s.
            const auto until = std::chrono::steady_clock::now() + wait;
            while (!cancelled() && std::chrono::steady_clock::now() < until)
                std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
                    std::chrono::milliseconds(100), std::chrono::duration_cast<std::chrono::milliseconds>(
                                                        until - std::chrono::steady_clock::now())));
        }
        backoff = std::min(backoff * 2, config.maxBackoff);
    }
    return last;
}

Result<nlohmann::json> AnthropicProvider::complete(const LlmRequest& request)
{
    const nlohmann::json body = {
        {"model", m_config.model},
        {"max_tokens", 8192},
        {"temperature", 0},
        {"system", request.system},
        {"messages", {{{"role", "user"}, {"content", request.user}}}},
        {"tools", {{{"name", request.schemaName},
                    {"description", "Record the result in the required structure."},
                    {"input_schema", request.schema}}}},
        {"tool_choice", {{"type", "tool"}, {"name", request.schemaName}}},
    };
    auto response = postWithRetries(m_config, trimmedBase(m_config.baseUrl) + "/v1/messages",
                                     {{"content-type", "application/json"}, {"anthropic-version", "2023-06-01"}},
                                     {"x-api-key", "", m_config.apiKey}, body.dump(), name());
    if (!response) return response.error();
    const auto doc = nlohmann::json::parse(response->body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return unusable(name(), "not JSON");
    if (doc.value("stop_reason", "") == "max_tokens") return unusable(name(), "cut off at the token limit");
    if (!doc.contains("content") || !doc["content"].is_array()) return unusable(name(), "no content");
    for (const auto& block : doc["content"])
        if (block.value("type", "") == "tool_use" && block.contains("input") && block["input"].is_object())
            return block["input"];
    return unusable(name(), "no structured result");
}

Result<nlohmann::json> OpenAiProvider::complete(const LlmRequest& request)
{
    const nlohmann::json body = {
        {"model", m_config.model},
        {"temperature", 0},
        {"messages", {{{"role", "system"}, {"content", request.system}}, {{"role", "user"}, {"content", request.user}}}},
        {"response_format",
         {{"type", "json_schema"},
          {"json_schema", {{"name", request.schemaName}, {"strict", true}, {"schema", request.schema}}}}},
    };
    // Azure OpenAI names the deployment in the path and takes its key in "api-key".
    const std::string base = trimmedBase(m_config.baseUrl);
    const bool azure = base.find(".openai.azure.com") != std::string::npos;
    const std::string url = azure ? base + "/openai/deployments/" + m_config.model +
                                        "/chat/completions?api-version=2024-10-21"
                                  : base + "/v1/chat/completions";
    net::SecretHeader auth = azure ? net::SecretHeader{"api-key", "", m_config.apiKey}
                                   : net::SecretHeader{"authorization", "Bearer ", m_config.apiKey};
    auto response = postWithRetries(m_config, url, {{"content-type", "application/json"}}, std::move(auth), body.dump(),
                                    name());
    if (!response) return response.error();
    const auto doc = nlohmann::json::parse(response->body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return unusable(name(), "not JSON");
    if (!doc.contains("choices") || !doc["choices"].is_array() || doc["choices"].empty())
        return unusable(name(), "no choices");
    const auto& choice = doc["choices"][0];
    if (choice.value("finish_reason", "") == "length") return unusable(name(), "cut off at the token limit");
    const auto& message = choice.value("message", nlohmann::json::object());
    if (message.contains("refusal") && message["refusal"].is_string())
        return makeError(ErrorCode::Refused, "The openai engine declined the request.");
    if (!message.contains("content") || !message["content"].is_string()) return unusable(name(), "no content");
    const auto content = nlohmann::json::parse(message["content"].get<std::string>(), nullptr, false);
    if (content.is_discarded() || !content.is_object()) return unusable(name(), "content is not JSON");
    return content;
}

}  // namespace noteward::core::notes
