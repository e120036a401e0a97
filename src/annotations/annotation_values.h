// Reading annotation values that arrive inside uploaded files (spec/data.md §1.6): the
// judgment, user_tags and annotation_flagged cells of a dataset become stored annotations.
// Pure functions of the cell text (as DuckDB renders the cell), thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::annotations {

struct NormalizedJudgment {
  std::optional<std::string> judgment;  // "accept" or "reject"
  std::optional<double> rating;         // a numeric judgment other than 0 and 1
};

// accept, 1, "1", true -> accept; reject, 0, "0", false -> reject (case-insensitive, trimmed,
// 1.0 counts as 1); any other finite number -> rating; anything else, or empty -> neither.
NormalizedJudgment normalize_judgment(std::string_view cell);

// A JSON array (elements that are not strings are kept as their JSON text), else a
// comma-separated list; a bracketed list with quoted items (['a', 'b']) also works. Items are
// trimmed; empty items are dropped.
std::vector<std::string> parse_user_tags(std::string_view cell);

// true, 1, yes (case-insensitive, trimmed) -> true; anything else -> false.
bool parse_flag(std::string_view cell);

}  // namespace axis::annotations
