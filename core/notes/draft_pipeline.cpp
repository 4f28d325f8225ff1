#include "notes/draft_pipeline.h"

#include "notes/text_analysis.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <set>

namespace noteward::core::notes {

std::vector<Chunk> chunkTranscript(const Transcript& transcript, std::size_t wordBudget)
{
    std::vector<Chunk> chunks;
    const std::span<const Segment> all(transcript.segments);
    std::size_t start = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        count += words(all[i].text).size();
        if (count >= wordBudget || i + 1 == all.size()) {
            chunks.push_back({chunks.size(), all.subspan(start, i + 1 - start)});
            start = i + 1;
            count = 0;
        }
    }
    return chunks;
}

namespace {
// Stage 1 may cite only its own chunk: anything else is moved to `rejected`.
void keepWithinChunk(const Chunk& chunk, Extraction& extraction)
{
    std::set<std::string> ids;
    for (const auto& s : chunk.segments) ids.insert(s.id);
    auto outside = [&](const std::string& id) { return ids.count(id) == 0; };
    std::vector<Candidate> kept;
    for (auto& c : extraction.statements) {
        if (std::any_of(c.statement.sources.begin(), c.statement.sources.end(), outside))
            extraction.rejected.push_back({std::string(toKey(c.section)), c.statement.text, "source_outside_chunk"});
        else
            kept.push_back(std::move(c));
    }
    extraction.statements = std::move(kept);
    std::vector<RiskFlag> risks;
    for (auto& r : extraction.risks) {
        if (std::any_of(r.evidence.begin(), r.evidence.end(), [&](const Evidence& e) { return outside(e.segment); }))
            extraction.rejected.push_back({"risks", std::string(toKey(r.category)), "source_outside_chunk"});
        else
            risks.push_back(std::move(r));
    }
    extraction.risks = std::move(risks);
}

// An exception must not escape a worker thread (that ends the process): it becomes an error.
Result<Extraction> extractSafely(NoteEngine& engine, const Chunk& chunk)
{
    try {
        return engine.extract(chunk);
    } catch (const std::exception&) {
        return makeError(ErrorCode::Unavailable, "The " + engine.name() + " engine failed on part of the session.");
    }
}

void offerPreviousNote(const PreviousNote& previous, Extraction& extraction)
{
    const std::vector<std::string> source = {"note:" + previous.hash};
    std::vector<Candidate> suggestions;
    for (const auto& text : previous.nextSteps)
        suggestions.push_back({Section::Agenda, {"From the previous session's next steps: " + text, source, Origin::PreviousNote, "previous_note.next_steps"}});
    for (const auto& text : previous.homeworkGiven)
        suggestions.push_back(
            {Section::HomeworkReview, {"Homework set last session: " + text, source, Origin::PreviousNote, "previous_note.homework"}});
    extraction.statements.insert(extraction.statements.begin(), suggestions.begin(), suggestions.end());
}
}  // namespace

Result<Draft> DraftPipeline::run(const Transcript& transcript, const PreviousNote* previous)
{
    m_engine.prepare(transcript);
    const std::vector<Chunk> chunks = chunkTranscript(transcript);
    std::vector<std::optional<Result<Extraction>>> results(chunks.size());
    // Stage-1 calls run side by side up to the engine's bound; results keep chunk order.
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < chunks.size(); i = next++) results[i] = extractSafely(m_engine, chunks[i]);
    };
    const std::size_t threads = std::min(chunks.size(), std::max<std::size_t>(1, m_engine.maxConcurrentChunks()));
    if (threads <= 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& th : pool) th.join();
    }
    std::vector<Extraction> perChunk;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        auto& extraction = *results[i];
        if (!extraction) return extraction.error();
        keepWithinChunk(chunks[i], extraction.value());
        perChunk.push_back(std::move(extraction.value()));
    }
    auto synthesised = m_engine.synthesise(perChunk);
    if (!synthesised) return synthesised.error();
    if (previous) offerPreviousNote(*previous, synthesised.value());
    return GroundingVerifier(transcript, previous).verify(m_engine.name(), synthesised.value());
}

}  // namespace noteward::core::notes

namespace noteward::core::notes {

Result<Draft> draftWithFallback(const std::vector<NoteEngine*>& engines, const Transcript& transcript,
                                const PreviousNote* previous, const DraftObserver& observer)
{
    Error last = makeError(ErrorCode::InvalidInput, "No note engine was given.");
    for (std::size_t i = 0; i < engines.size(); ++i) {
        NoteEngine& engine = *engines[i];
        if (observer.beforeEngine)
            if (auto ready = observer.beforeEngine(engine); !ready) return ready.error();
        auto draft = DraftPipeline(engine).run(transcript, previous);
        if (draft || draft.error().code != ErrorCode::Unavailable) return draft;
        last = draft.error();
        if (i + 1 < engines.size() && observer.onFallback) observer.onFallback(engine, last, *engines[i + 1]);
    }
    return last;
}

}  // namespace noteward::core::notes
