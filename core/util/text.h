#pragma once

#include <string>
#include <string_view>

namespace noteward::core {

// ASCII case folding for search keys; bytes outside ASCII (UTF-8) are kept as they are.
std::string foldCase(std::string_view text);

}  // namespace noteward::core
