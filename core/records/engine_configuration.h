#pragma once

#include "notes/cloud_engine.h"
#include "notes/draft_pipeline.h"
#include "notes/local_engine.h"
#include "notes/pii_masker.h"
#include "util/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noteward::core::vault {
class Vault;
}

namespace noteward::core::records {

// Which hosted engines this vault may use and how to reach them. The base URL, model and API
// key live in the vault's (encrypted) settings, never in a plain configuration file.
Result<void> configureProvider(vault::Vault& vault, const std::string& engine, const std::optional<std::string>& baseUrl,
                               const std::optional<std::string>& model, const std::optional<std::string>& apiKey);
Result<notes::ProviderConfig> providerConfig(vault::Vault& vault, const std::string& engine);

// The OpenAI-compatible transcription service: its own base URL and model (default
// whisper-1); the API key falls back to the openai note engine's.
Result<void> configureTranscription(vault::Vault& vault, const std::optional<std::string>& baseUrl,
                                    const std::optional<std::string>& model, const std::optional<std::string>& apiKey);
Result<notes::ProviderConfig> transcriptionConfig(vault::Vault& vault);

// The engines to try, in order: the one asked for, then the vault's fallback (local unless
// set otherwise) for when a hosted engine is unavailable. Owns everything it hands out.
class EngineChain {
public:
    // `known`: what the masker must hide whatever its spelling (see knownIdentifiers()).
    // `cancel`: set to abandon a hosted engine's requests (and so the draft) at once.
    static Result<EngineChain> build(vault::Vault* vault, const std::string& primary, notes::KnownIdentifiers known,
                                     std::shared_ptr<const std::atomic<bool>> cancel = {});

    std::vector<notes::NoteEngine*> engines() const;

private:
    std::vector<std::unique_ptr<notes::LlmProvider>> m_providers;
    std::unique_ptr<notes::PiiMasker> m_masker;
    std::vector<std::unique_ptr<notes::NoteEngine>> m_engines;
};

bool isCloudEngine(const std::string& name);

// What to do when a transcript without capital letters would go to a hosted engine: "warn"
// (the default: send, masking what the vault knows, and say so) or "refuse".
Result<void> setCaselessTranscriptPolicy(vault::Vault& vault, const std::string& policy);

// Everything the vault holds that identifies the people of a session: the therapist's name
// and e-mail, the practice's name, and (given a client) every identifier of the client record.
Result<notes::KnownIdentifiers> knownIdentifiers(vault::Vault& vault, const std::optional<std::string>& clientId);

// Drafts through `engines` with the audit trail that leaving the device needs: before a
// hosted engine is sent anything, "pii.masked_text_sent:<engine>" is committed (if it cannot
// be, nothing is sent); a fallback to the next engine is audited and described in `notices`
// for the person to see (never silent).
Result<notes::Draft> draftAudited(vault::Vault& vault, const std::vector<notes::NoteEngine*>& engines,
                                  const notes::Transcript& transcript, const notes::PreviousNote* previous,
                                  const std::string& objectType, const std::string& objectId,
                                  std::vector<std::string>* notices);

}  // namespace noteward::core::records
