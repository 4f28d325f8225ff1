#pragma once

#include "notes/note_engine.h"

namespace noteward::core::notes {

// The default engine: offline, deterministic, no model download. Stage 1 sorts each sentence
// into a section by the cues a CBT session uses ("for next week I'd like you to…" is homework
// given) and restates it briefly in the third person ("Client said that they…"); risks come
// from detectRisks(). Stage 2 joins duplicates and keeps the few strongest statements per
// section, in session order. It paraphrases nothing it cannot trace word for word.
class LocalEngine : public NoteEngine {
public:
    static constexpr std::size_t kMaxStatementsPerSection = 6;

    std::string name() const override { return "local"; }
    Result<Extraction> extract(const Chunk& chunk) override;
    Result<Extraction> synthesise(const std::vector<Extraction>& perChunk) override;
};

// "I've been avoiding my friends." → "they've been avoiding their friends."
std::string toThirdPerson(std::string_view firstPerson);

}  // namespace noteward::core::notes
