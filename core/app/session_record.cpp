#include "app/session_record.h"

#include <algorithm>

namespace noteward::core::app {

const vault::RiskReview* SessionRecord::review(notes::RiskCategory category) const
{
    const std::string_view key = notes::toKey(category);
    const auto it = std::find_if(reviews.begin(), reviews.end(), [&](const vault::RiskReview& r) { return r.category == key; });
    return it == reviews.end() ? nullptr : &*it;
}

std::size_t SessionRecord::unlabelledSegments() const
{
    if (!transcript) return 0;
    return static_cast<std::size_t>(std::count_if(transcript->segments.begin(), transcript->segments.end(),
                                                  [](const notes::Segment& s) {
                                                      return s.speaker != "therapist" && s.speaker != "client";
                                                  }));
}

std::vector<std::string> signBlockers(const SessionRecord& record)
{
    if (record.signedNote) return {"The note is signed; add an addendum to correct it."};
    if (!record.transcript) return {"There is no transcript yet: record and transcribe the session, or import one."};
    if (!record.draft) return {"There is no draft yet: draft the note from the transcript."};
    std::vector<std::string> out;
    for (const auto& flag : record.draft->risks) {
        const std::string key(notes::toKey(flag.category));
        const auto* review = record.review(flag.category);
        if (!review || (review->decision != "confirmed" && review->decision != "dismissed"))
            out.push_back(key + " is not reviewed: confirm it, or dismiss it with a reason.");
    }
    return out;
}

bool needsSpeakerConfirmation(const SessionRecord& record) { return !record.signedNote && record.unlabelledSegments() > 0; }

}  // namespace noteward::core::app
