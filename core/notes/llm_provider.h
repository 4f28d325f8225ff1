#pragma once

#include "net/http_client.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace noteward::core::notes {

struct ProviderConfig {
    std::string baseUrl;  // e.g. https://api.anthropic.com, https://api.openai.com, an Azure or local server
    std::string model;
    // Read from the vault into wiped memory; shared by copies of the configuration, never
    // logged and never placed in a std::string.
    std::shared_ptr<const crypto::SecretBytes> apiKey;
    std::chrono::milliseconds timeout{90000};
    int maxAttempts = 4;
    std::chrono::milliseconds firstBackoff{1000};
    std::chrono::milliseconds maxBackoff{30000};
    // Set to abandon a request in flight and every retry after it (shared by copies).
    std::shared_ptr<const std::atomic<bool>> cancel;
};

// An API key taken from `text`, which is wiped.
std::shared_ptr<const crypto::SecretBytes> apiKeyFrom(std::string text);

struct LlmRequest {
    std::string system;
    std::string user;
    std::string schemaName;
    nlohmann::json schema;  // JSON Schema the answer must follow
};

// A hosted model that answers with JSON following a schema. Errors: Unavailable (network,
// timeouts, 429/5xx after retries, an unusable answer) may be worth a fallback; Refused (a
// rejected key or request) is not.
class LlmProvider {
public:
    virtual ~LlmProvider() = default;
    virtual std::string name() const = 0;
    virtual Result<nlohmann::json> complete(const LlmRequest& request) = 0;
};

// Sends `request` (its timeout taken from `config`), retrying what is worth retrying
// (connection failures, 408, 429, 5xx) with exponential back-off, honouring Retry-After.
Result<net::HttpResponse> sendWithRetries(const ProviderConfig& config, net::HttpRequest request,
                                          const std::string& providerName,
                                          const std::function<void(std::chrono::milliseconds)>& sleep = {});

// POSTs `body`, retrying what is worth retrying (connection failures, 408, 429, 5xx) with
// exponential back-off, honouring Retry-After. `sleep` is injectable for tests.
Result<net::HttpResponse> postWithRetries(const ProviderConfig& config, const std::string& url,
                                          const std::vector<std::pair<std::string, std::string>>& headers,
                                          net::SecretHeader auth, const std::string& body, const std::string& providerName,
                                          const std::function<void(std::chrono::milliseconds)>& sleep = {});

// Anthropic Messages API (POST /v1/messages), the schema enforced as a forced tool call.
class AnthropicProvider : public LlmProvider {
public:
    explicit AnthropicProvider(ProviderConfig config) : m_config(std::move(config)) {}
    std::string name() const override { return "anthropic"; }
    Result<nlohmann::json> complete(const LlmRequest& request) override;

private:
    ProviderConfig m_config;
};

// OpenAI Chat Completions (POST {base}/v1/chat/completions) with a json_schema response
// format. The base URL may point at Azure OpenAI (UK South) or a self-hosted compatible server.
class OpenAiProvider : public LlmProvider {
public:
    explicit OpenAiProvider(ProviderConfig config) : m_config(std::move(config)) {}
    std::string name() const override { return "openai"; }
    Result<nlohmann::json> complete(const LlmRequest& request) override;

private:
    ProviderConfig m_config;
};

}  // namespace noteward::core::notes
