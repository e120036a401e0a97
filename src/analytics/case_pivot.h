// The wide view of tree rows that POST /api/data/prepare-analytics answers (spec/data.md §2.1):
// one row per case, one column per metric. Pure; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace axis::analytics {

// What identifies a case in the wide view, in output order.
const std::vector<std::string>& case_columns();

struct CaseTable {
  std::string rows_json;                    // [{<case columns>, <metric>: score|null, ...}, ...]
  std::vector<std::string> columns;         // case columns, then metric columns
  std::vector<std::string> metric_columns;  // metric_name values, first-seen order
  std::vector<std::string> metrics;         // metric columns whose node type is metric (leaves)
  std::vector<std::string> components;      // the others: category, component, sub-component
};

// Pivots rows in the tree layout (ingest::convert_to_tree) to one row per distinct combination of
// the case columns (first-seen order), keeping only rows whose metric_type equals `metric_type`
// when one is given. A metric's cell is the first non-null score of that case; null when there is
// none. Rows without a metric_name (null or "") are skipped. A metric's type is its first row's.
// Throws util::HttpError 400 when a metric_name equals a case column.
CaseTable pivot_cases(const nlohmann::ordered_json& tree_rows,
                      const std::optional<std::string>& metric_type);

}  // namespace axis::analytics
