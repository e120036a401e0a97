// Small text helpers shared across the server.
#pragma once

#include <string_view>

namespace axis::util {

// `text` without its leading and trailing spaces, tabs, CRs and LFs.
std::string_view trim(std::string_view text);

// True when `text` is empty or only spaces, tabs, CRs and LFs.
inline bool is_blank(std::string_view text) { return trim(text).empty(); }

// A SQL statement without its trailing semicolons and whitespace.
std::string_view without_trailing_semicolons(std::string_view sql);

}  // namespace axis::util
