#include "server/residency.h"

#include <algorithm>
#include <array>

namespace noteward::sync::server {

namespace {
// AWS London, Azure UK South / UK West, Google London, and a practice's own UK premises.
constexpr std::array<std::string_view, 5> kUkRegions = {"eu-west-2", "uksouth", "ukwest", "europe-west2",
                                                         "on-premises-uk"};
}  // namespace

std::span<const std::string_view> ukRegions() { return kUkRegions; }

bool isUkRegion(std::string_view region)
{
    return std::find(kUkRegions.begin(), kUkRegions.end(), region) != kUkRegions.end();
}

std::string residencyRefusal(std::string_view region)
{
    std::string allowed;
    for (const auto r : kUkRegions) allowed += (allowed.empty() ? "" : ", ") + std::string(r);
    const std::string shown = region.empty() ? std::string("(none)")
                                             : region.size() <= 64 ? std::string(region) : std::string("(a long name)");
    return "Refusing to start: region " + shown + " is not a UK region. Records must stay in the UK; set \"region\" to one of: " +
           allowed + ".";
}

}  // namespace noteward::sync::server
