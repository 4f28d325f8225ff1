#pragma once

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace noteward::core::notes {

// What the vault knows about the people in a session, fed to the masker as exact strings so
// they are masked however they are written (any case, possessive, spacing): the client's and
// the therapist's names, and every identifier of the client record.
struct KnownIdentifiers {
    std::vector<std::string> names;      // full names; each part of two letters or more is masked too
    std::vector<std::string> addresses;  // masked whole and by comma-separated part (street, town, postcode)
    std::vector<std::string> emails;
    std::vector<std::string> phones;     // digits matched with any spacing
    std::vector<std::string> nhsNumbers; // digits matched with any spacing
    std::optional<std::string> dateOfBirth;  // YYYY-MM-DD: also its written forms and its year
};

// Replaces personal details with placeholders before text leaves the device, and puts them
// back in what comes home. Each distinct surface form gets its own placeholder ("Sam" and
// "sam" differ), so a cloud engine's quotes restore to exact substrings of the original.
//
// Masked: the known identifiers above; other capitalised names in running text (learnt from
// the whole transcript, so sentence starts are covered); e-mail addresses, UK phone numbers,
// NHS and National Insurance numbers, postcodes, dates (numeric, day-first, month-first and
// written in words), years of birth, and street addresses, in any letter case.
class PiiMasker {
public:
    explicit PiiMasker(KnownIdentifiers known = {});
    explicit PiiMasker(const std::vector<std::string>& knownNames);

    // Learns other people's names (capitalised words inside sentences) from a whole text, so
    // they are masked wherever they occur later, sentence starts included.
    void learnNames(std::string_view text);
    std::string mask(std::string_view text);
    std::string restore(std::string_view text) const;

    // original → placeholder, for tests and the audit note of what kinds left.
    const std::map<std::string, std::string>& replacements() const { return m_toPlaceholder; }

    // True when a text has no capitalised words at all (what on-device speech recognition
    // produces): names the vault does not know cannot be recognised in it.
    static bool isCaseless(std::string_view text);

private:
    struct KnownPattern {
        const char* kind;
        std::regex regex;  // group 1: the character before the match (kept); group 2: the match
    };

    std::string placeholderFor(const std::string& original, const char* kind);
    void learn(const std::string& name);
    std::string replaceKnown(const std::string& text);
    // `text` with each match of `regex` (its capture `group`) replaced by a placeholder.
    std::string replaceMatches(const std::string& text, const std::regex& regex, std::size_t group, const char* kind);
    bool insidePlaceholder(std::string_view text, std::size_t pos) const;
    std::vector<std::string> names(std::string_view text) const;

    std::vector<KnownPattern> m_known;
    std::map<std::string, std::string> m_toPlaceholder;  // surface form → placeholder
    std::map<std::string, std::string> m_toOriginal;
    std::map<std::string, int> m_counters;
    std::set<std::string> m_learntFolded;  // learnt names, case-folded: matched in any case
};

}  // namespace noteward::core::notes
