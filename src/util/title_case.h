// Display names from identifiers: "risk_score" / "risk-score" -> "Risk Score".
#pragma once

#include <string>
#include <string_view>

namespace axis::util {

// Underscores, hyphens and spaces become single spaces; the first letter of each word is upper
// cased, the rest is kept as written.
std::string title_case(std::string_view slug);

}  // namespace axis::util
