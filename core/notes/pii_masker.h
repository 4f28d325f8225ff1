#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// Replaces personal details with consistent placeholders before text leaves the device, and
// puts them back in what comes home. The same detail always gets the same placeholder
// within one masker, so a cloud engine's output can cite and quote masked text and still be
// restored to exact substrings of the original.
//
// Masked: the names it is told (client, therapist, others known to the vault), other
// capitalised names in running text, e-mail addresses, UK phone numbers, NHS numbers,
// postcodes, dates (including dates of birth) and street addresses.
class PiiMasker {
public:
    explicit PiiMasker(std::vector<std::string> knownNames = {});

    // Learns other people's names (capitalised words inside sentences) from a whole text, so
    // they are masked wherever they occur later, sentence starts included.
    void learnNames(std::string_view text);
    std::string mask(std::string_view text);
    std::string restore(std::string_view text) const;

    // original → placeholder, for tests and the audit note of what kinds left.
    const std::map<std::string, std::string>& replacements() const { return m_toPlaceholder; }

private:
    std::string placeholderFor(const std::string& original, const char* kind);

    std::vector<std::string> names(std::string_view text) const;

    std::vector<std::string> m_knownNames;
    std::map<std::string, std::string> m_toPlaceholder;
    std::map<std::string, std::string> m_toOriginal;
    std::map<std::string, int> m_counters;
};

}  // namespace noteward::core::notes
