#include "records/engine_configuration.h"

#include "audit/audit_log.h"
#include "net/endpoint_url.h"

#include <algorithm>
#include "vault/database.h"
#include "vault/guarded.h"
#include "vault/vault.h"

namespace noteward::core::records {

namespace {
std::string key(const std::string& engine, const char* field) { return "engine." + engine + "." + field; }

std::string defaultBaseUrl(const std::string& engine)
{
    return engine == "anthropic" ? "https://api.anthropic.com" : "https://api.openai.com";
}
}  // namespace

bool isCloudEngine(const std::string& name) { return name == "anthropic" || name == "openai"; }

Result<void> configureProvider(vault::Vault& vault, const std::string& engine, const std::optional<std::string>& baseUrl,
                               const std::optional<std::string>& model, const std::optional<std::string>& apiKey)
{
    if (!isCloudEngine(engine)) return makeError(ErrorCode::InvalidInput, "Only anthropic and openai can be configured.");
    if (baseUrl)
        if (auto checked = net::checkEndpointUrl(*baseUrl); !checked) return checked.error();
    if (vault.isLocked()) return vault::Vault::lockedError();
    return vault::guarded([&]() -> Result<void> {
        auto settings = vault.settings();
        vault::Transaction tx(vault.database());
        if (baseUrl) (void)settings.set(key(engine, "base_url"), *baseUrl);
        if (model) (void)settings.set(key(engine, "model"), *model);
        if (apiKey) (void)settings.set(key(engine, "api_key"), *apiKey);
        audit::AuditLog(vault.database()).append(vault.user().id, "engine.configured:" + engine, "vault", vault.vaultId());
        tx.commit();
        return Ok{};
    });
}

Result<notes::ProviderConfig> providerConfig(vault::Vault& vault, const std::string& engine)
{
    if (vault.isLocked()) return vault::Vault::lockedError();
    auto settings = vault.settings();
    auto apiKey = settings.get(key(engine, "api_key"));
    if (!apiKey) return apiKey.error();
    if (!apiKey.value())
        return makeError(ErrorCode::NotFound, "No API key for the " + engine + " engine is stored in this vault; run "
                                              "'noteward-cli engine configure --engine " + engine + "'.");
    notes::ProviderConfig config;
    config.apiKey = notes::apiKeyFrom(std::move(**apiKey));
    config.baseUrl = settings.get(key(engine, "base_url")).value().value_or(defaultBaseUrl(engine));
    config.model = settings.get(key(engine, "model")).value().value_or(engine == "anthropic" ? "claude-sonnet-4-5" : "gpt-4.1");
    return config;
}

Result<void> configureTranscription(vault::Vault& vault, const std::optional<std::string>& baseUrl,
                                    const std::optional<std::string>& model, const std::optional<std::string>& apiKey)
{
    if (baseUrl)
        if (auto checked = net::checkEndpointUrl(*baseUrl); !checked) return checked.error();
    if (vault.isLocked()) return vault::Vault::lockedError();
    auto settings = vault.settings();
    for (const auto& [name, value] : {std::pair{"base_url", baseUrl}, std::pair{"model", model}, std::pair{"api_key", apiKey}})
        if (value)
            if (auto r = settings.set(std::string("transcription.openai.") + name, *value); !r) return r;
    return vault.recordAudit("transcription.configured:openai", "vault", vault.vaultId());
}

Result<notes::ProviderConfig> transcriptionConfig(vault::Vault& vault)
{
    if (vault.isLocked()) return vault::Vault::lockedError();
    auto settings = vault.settings();
    auto get = [&](const std::string& key) { return settings.get(key).value(); };
    auto apiKey = get("transcription.openai.api_key");
    if (!apiKey) apiKey = get(key("openai", "api_key"));
    if (!apiKey)
        return makeError(ErrorCode::NotFound, "No API key for the openai transcription engine is stored in this vault; "
                                              "run 'noteward-cli transcription configure'.");
    notes::ProviderConfig config;
    config.apiKey = notes::apiKeyFrom(std::move(*apiKey));
    config.baseUrl = get("transcription.openai.base_url").value_or(defaultBaseUrl("openai"));
    config.model = get("transcription.openai.model").value_or("whisper-1");
    config.timeout = std::chrono::milliseconds(300000);
    return config;
}

Result<void> setCaselessTranscriptPolicy(vault::Vault& vault, const std::string& policy)
{
    if (policy != "warn" && policy != "refuse")
        return makeError(ErrorCode::InvalidInput, "The policy for transcripts without capitals is warn or refuse.");
    if (vault.isLocked()) return vault::Vault::lockedError();
    if (auto r = vault.settings().set("notes.caseless_transcripts", policy); !r) return r;
    return vault.recordAudit("notes.caseless_policy:" + policy, "vault", vault.vaultId());
}

Result<notes::KnownIdentifiers> knownIdentifiers(vault::Vault& vault, const std::optional<std::string>& clientId)
{
    if (vault.isLocked()) return vault::Vault::lockedError();
    notes::KnownIdentifiers known;
    known.names = {vault.user().displayName, vault.practice().name};
    if (vault.user().email) known.emails.push_back(*vault.user().email);
    if (!clientId) return known;
    auto client = vault.clients().get(*clientId);
    if (!client) return client.error();
    known.names.push_back(client->name);
    if (client->contact.address) known.addresses.push_back(*client->contact.address);
    if (client->contact.email) known.emails.push_back(*client->contact.email);
    if (client->contact.phone) known.phones.push_back(*client->contact.phone);
    if (client->nhsNumber) known.nhsNumbers.push_back(*client->nhsNumber);
    known.dateOfBirth = client->dateOfBirth;
    return known;
}

Result<EngineChain> EngineChain::build(vault::Vault* vault, const std::string& primary, notes::KnownIdentifiers known,
                                       std::shared_ptr<const std::atomic<bool>> cancel)
{
    EngineChain chain;
    auto add = [&](const std::string& name) -> Result<void> {
        if (name == "local") {
            chain.m_engines.push_back(std::make_unique<notes::LocalEngine>());
            return Ok{};
        }
        if (!isCloudEngine(name)) return makeError(ErrorCode::InvalidInput, "Unknown note engine '" + name + "'.");
        if (!vault)
            return makeError(ErrorCode::InvalidInput, "The " + name + " engine needs the vault, which holds its API key.");
        auto config = providerConfig(*vault, name);
        if (!config) return config.error();
        config->cancel = cancel;
        if (!chain.m_masker) chain.m_masker = std::make_unique<notes::PiiMasker>(known);
        if (name == "anthropic") chain.m_providers.push_back(std::make_unique<notes::AnthropicProvider>(config.value()));
        else chain.m_providers.push_back(std::make_unique<notes::OpenAiProvider>(config.value()));
        chain.m_engines.push_back(std::make_unique<notes::CloudEngine>(*chain.m_providers.back(), *chain.m_masker));
        return Ok{};
    };
    if (auto r = add(primary); !r) return r.error();
    if (primary != "local" && vault) {
        const auto fallback = vault->settings().get("notes.fallback_engine");
        const std::string name = fallback && fallback.value() ? *fallback.value() : "local";
        if (name != "none" && name != primary)
            if (auto r = add(name); !r) return r.error();
    }
    return chain;
}

Result<notes::Draft> draftAudited(vault::Vault& vault, const std::vector<notes::NoteEngine*>& engines,
                                  const notes::Transcript& transcript, const notes::PreviousNote* previous,
                                  const std::string& objectType, const std::string& objectId,
                                  std::vector<std::string>* notices)
{
    // A transcript without capital letters (on-device recognition) hides the names the vault
    // does not know from the masker's heuristics: say so, or refuse, as the vault is set.
    const bool caseless = std::all_of(transcript.segments.begin(), transcript.segments.end(),
                                      [](const notes::Segment& s) { return notes::PiiMasker::isCaseless(s.text); });
    const auto policy = vault.settings().get("notes.caseless_transcripts");
    const bool refuseCaseless = policy && policy.value() && *policy.value() == "refuse";
    notes::DraftObserver observer;
    observer.beforeEngine = [&](const notes::NoteEngine& engine) -> Result<void> {
        if (!engine.sendsTextOffDevice()) return Ok{};
        if (caseless && refuseCaseless)
            return makeError(ErrorCode::Refused,
                             "Nothing was sent to the " + engine.name() +
                                 " engine: the transcript has no capital letters, so only the names and details "
                                 "this vault knows could be masked, and this vault is set to refuse that "
                                 "(notes.caseless_transcripts = refuse). Correct the transcript or draft on the device.");
        if (caseless && notices)
            notices->push_back("The transcript has no capital letters (on-device transcription), so names that this "
                               "vault does not know cannot be recognised and masked before sending to the " +
                               engine.name() + " engine; only the client's and therapist's recorded details were masked.");
        auto recorded = vault.recordAudit("pii.masked_text_sent:" + engine.name(), objectType, objectId);
        if (!recorded)
            return makeError(recorded.error().code, "Nothing was sent to the " + engine.name() +
                                                        " engine, because the audit log could not record it: " +
                                                        recorded.error().message);
        return Ok{};
    };
    observer.onFallback = [&](const notes::NoteEngine& failed, const Error& why, const notes::NoteEngine& next) {
        (void)vault.recordAudit("note.engine_fallback:" + failed.name() + ">" + next.name(), objectType, objectId);
        if (notices)
            notices->push_back("The " + failed.name() + " engine could not be used (" + why.message +
                               "); the draft was made by the " + next.name() + " engine instead.");
    };
    return notes::draftWithFallback(engines, transcript, previous, observer);
}

std::vector<notes::NoteEngine*> EngineChain::engines() const
{
    std::vector<notes::NoteEngine*> out;
    for (const auto& e : m_engines) out.push_back(e.get());
    return out;
}

}  // namespace noteward::core::records
