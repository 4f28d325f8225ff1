#include "model/nhs_number.h"

namespace noteward::core::model {

std::optional<std::string> normalizeNhsNumber(std::string_view input)
{
    std::string digits;
    for (char c : input) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != ' ' && c != '-') return std::nullopt;
    }
    if (digits.size() != 10) return std::nullopt;
    // 0000000000 and 9999999999 pass the check digit but are never issued.
    if (digits.find_first_not_of(digits[0]) == std::string::npos) return std::nullopt;

    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
    int check = 11 - (sum % 11);
    if (check == 11) check = 0;
    if (check == 10) return std::nullopt;  // no valid number has this check value
    if (check != digits[9] - '0') return std::nullopt;
    return digits;
}

}  // namespace noteward::core::model
