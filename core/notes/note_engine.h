#pragma once

#include "notes/draft.h"
#include "notes/transcript.h"
#include "util/result.h"

#include <span>
#include <string>
#include <vector>

namespace noteward::core::notes {

// A run of whole segments that stage 1 summarises against itself only.
struct Chunk {
    std::size_t index = 0;
    std::span<const Segment> segments;
};

struct Candidate {
    Section section = Section::Agenda;
    Statement statement;
};

// What one chunk yields in stage 1, and what stage 2 returns after merging.
struct Extraction {
    std::vector<Candidate> statements;
    std::vector<RiskFlag> risks;
    std::vector<Rejection> rejected;  // what the engine itself could not use (malformed output)
};

// A note engine runs the two stages. Stage 2 sees only stage-1 output, never the
// transcript, so an error cannot compound across stages. Whatever either returns is checked
// by the GroundingVerifier before it reaches a therapist.
class NoteEngine {
public:
    virtual ~NoteEngine() = default;
    virtual std::string name() const = 0;
    // How many stage-1 chunks may run at once (a hosted engine is I/O bound).
    virtual std::size_t maxConcurrentChunks() const { return 1; }
    // Called once with the whole transcript before stage 1 (e.g. to learn names to mask).
    virtual void prepare(const Transcript&) {}
    // True when running this engine sends (masked) text off the device; audited.
    virtual bool sendsTextOffDevice() const { return false; }
    virtual Result<Extraction> extract(const Chunk& chunk) = 0;
    virtual Result<Extraction> synthesise(const std::vector<Extraction>& perChunk) = 0;
};

}  // namespace noteward::core::notes
