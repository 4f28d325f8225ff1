#pragma once

#include "notes/llm_provider.h"
#include "notes/note_engine.h"
#include "notes/pii_masker.h"

#include <map>
#include <mutex>

namespace noteward::core::notes {

// A note engine backed by a hosted model. Text is PII-masked before it leaves the device and
// restored in what comes back; the model sees one chunk at a time in stage 1 and only the
// stage-1 candidates in stage 2. Its output is parsed strictly: a section or risk category
// outside the fixed vocabulary goes to `rejected`, never into the draft.
class CloudEngine : public NoteEngine {
public:
    CloudEngine(LlmProvider& provider, PiiMasker& masker, std::size_t concurrency = 3)
        : m_provider(provider), m_masker(masker), m_concurrency(concurrency)
    {
    }

    std::string name() const override { return m_provider.name(); }
    std::size_t maxConcurrentChunks() const override { return m_concurrency; }
    void prepare(const Transcript& transcript) override;
    bool sendsTextOffDevice() const override { return true; }
    Result<Extraction> extract(const Chunk& chunk) override;
    Result<Extraction> synthesise(const std::vector<Extraction>& perChunk) override;

    static const nlohmann::json& outputSchema();

private:
    std::string masked(std::string_view text);
    Extraction parse(const nlohmann::json& answer, bool restore) const;
    Extraction parseUnchecked(const nlohmann::json& answer, bool restore) const;
    // Segment ids as sent ("s1", "s2", … by position) and back: an imported transcript's own
    // ids could carry anything, so they never leave the device.
    std::string sentId(const std::string& id) const;
    std::string originalId(const std::string& id) const;

    LlmProvider& m_provider;
    PiiMasker& m_masker;
    std::size_t m_concurrency;
    std::mutex m_maskerMutex;  // stage-1 chunks run on several threads
    std::map<std::string, std::string> m_sentIds;      // original → sent
    std::map<std::string, std::string> m_originalIds;  // sent → original
};

}  // namespace noteward::core::notes
