// The column mapping suggested for an uploaded eval-runner dataset (spec ai.md §3 "Column
// mapping", data.md §1.7).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::evalmetrics {

struct MappingAliases {
  std::string_view key;                    // the mapping key (also its first alias)
  std::vector<std::string_view> aliases;   // the other accepted column names, in order
};

// The mapping keys in spec order with their aliases.
const std::vector<MappingAliases>& mapping_aliases();

// For each mapping key in spec order: the first of its names (its own first, then the
// aliases in order) equal to a column name lower-cased (ASCII), as the column is really
// spelt (the first such column). A key no column matches maps to nullopt, except dataset_id
// and query, which then map to their own names ("dataset_id", "query").
std::vector<std::pair<std::string, std::optional<std::string>>> suggest_mapping(
    const std::vector<std::string>& columns);

}  // namespace axis::evalmetrics
