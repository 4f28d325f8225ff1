#pragma once

#include "speech/voice_features.h"

#include <vector>

namespace noteward::core::speech {

// A first split of speech into two voices with no enrolled voice to go by: one-second windows
// summarised as VoiceFeatures, two clusters by 2-means from a deterministic start, and each
// 10 ms frame labelled 0 or 1 by the windows over it (-1 where they disagree too much).
// Rough on its own; the diarizer refines it with a model of each voice.
std::vector<std::vector<int>> clusterWindows(const std::vector<VoiceTrack>& tracks);

}  // namespace noteward::core::speech
