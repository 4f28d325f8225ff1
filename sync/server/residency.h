#pragma once

#include <span>
#include <string>
#include <string_view>

namespace noteward::sync::server {

// Where a practice's records may be held: UK regions only. The server refuses to start
// anywhere else, so a configuration copied from another deployment cannot quietly move
// clinical data out of the UK.
std::span<const std::string_view> ukRegions();
bool isUkRegion(std::string_view region);

// The sentence printed when the region is refused.
std::string residencyRefusal(std::string_view region);

}  // namespace noteward::sync::server
