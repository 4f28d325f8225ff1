#pragma once

#include "notes/note_engine.h"
#include "notes/note_phrasing.h"

#include <set>
#include <string>

namespace noteward::core::notes {

// The default engine: offline, deterministic, no model download. Stage 1 sorts each sentence
// into a section by the cues a CBT session uses ("for next week I'd like you to…" is homework
// given) and restates it briefly in the third person ("Client said that they…"); risks come
// from detectRisks(). Stage 2 joins duplicates and keeps the few strongest statements per
// section, in session order. It paraphrases nothing it cannot trace word for word.
//
// Risk is judged over the whole session, not per chunk: a denial early on and a disclosure
// an hour later are one conflicting flag, and a question in one chunk may be answered in the
// next. So risks are detected once in prepare() and handed out by stage 2.
class LocalEngine : public NoteEngine {
public:
    static constexpr std::size_t kMaxStatementsPerSection = 6;
    // Its name in drafts and settings.
    static constexpr const char* kName = "local";

    std::string name() const override { return kName; }
    void prepare(const Transcript& transcript) override;
    Result<Extraction> extract(const Chunk& chunk) override;
    Result<Extraction> synthesise(const std::vector<Extraction>& perChunk) override;

private:
    std::vector<RiskFlag> m_risks;
    std::vector<Candidate> m_riskStatements;
    // Client turns that disclose suicide or self-harm risk (cited as its evidence): the rest of
    // what they say there ("There's a beam in the garage…") belongs under risk issues, not
    // in the week's review.
    std::set<std::string> m_riskTurns;
};

}  // namespace noteward::core::notes
