#pragma once

#include "notes/transcript.h"

#include <vector>

namespace noteward::core::speech {

// Diarization error on speech time, at 10 ms: a frame of reference speech is mislabelled when
// the hypothesis names a speaker who is not speaking then, unattributed when no segment or an
// "unknown" segment covers it. During overlap either speaker is right. Numbered labels
// (speaker_1/speaker_2) are mapped onto therapist/client whichever way fits best, as the
// usual diarization error rate is; role labels are taken as they are.
struct DiarizationScore {
    double speechSeconds = 0;
    double mislabelledSeconds = 0;
    double unattributedSeconds = 0;

    double mislabelledShare() const { return speechSeconds > 0 ? mislabelledSeconds / speechSeconds : 0; }
    double unattributedShare() const { return speechSeconds > 0 ? unattributedSeconds / speechSeconds : 0; }
    void add(const DiarizationScore& other)
    {
        speechSeconds += other.speechSeconds;
        mislabelledSeconds += other.mislabelledSeconds;
        unattributedSeconds += other.unattributedSeconds;
    }
};

DiarizationScore scoreDiarization(const std::vector<notes::Segment>& reference,
                                  const std::vector<notes::Segment>& hypothesis);

}  // namespace noteward::core::speech
