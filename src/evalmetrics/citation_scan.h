// Pattern checks for a cited source in a text (the citation_presence metric).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace axis::evalmetrics {

// The kinds of citation found in `text`, in this order, each at most once:
//   "numbered marker"  [1], [12], [1, 2], [1-3]
//   "url"              http:// or https:// followed by a non-space, or www.<name>.<name>
//   "source label"     "Source:" / "Sources:" (any case)
//   "attribution"      "according to" (any case) followed by a word
std::vector<std::string> find_citations(std::string_view text);

}  // namespace axis::evalmetrics
