// GET /api/store/metadata/{dataset}: what a browsed table holds (spec storage.md "Metadata").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "browse/browse_table.h"

namespace axis::store { class Connection; }

namespace axis::browse {

class BrowseCache;

// The fields whose distinct values are listed (those the table has).
const std::vector<std::string>& filter_value_fields();
// At most this many values per field, sorted.
inline constexpr int kMaxFilterValues = 200;

// The latency and score figures of a table with metric_score.
struct SummaryStats {
  std::int64_t total_records = 0;
  double avg_score = 0, pass_rate = 0, p50_latency = 0, p95_latency = 0, p99_latency = 0;
};

// What GET /api/store/metadata/{dataset} shows of a browsed table.
struct TableMetadata {
  std::string dataset;     // the browsed name (monitoring, evaluation, ...)
  std::string dataset_id;
  std::int64_t row_count = 0;
  std::vector<std::pair<std::string, std::string>> columns;  // name, DuckDB type
  // The filter fields the table has, in filter_value_fields() order, with their values.
  std::vector<std::pair<std::string, std::vector<std::string>>> filter_values;
  std::optional<std::string> time_min, time_max;  // ISO 8601 UTC; none without a time column
  std::optional<SummaryStats> summary_stats;      // only when the table has metric_score
};

// The table's metadata, computed once per table and then remembered (browse_cache.h).
// Blocking.
std::shared_ptr<const TableMetadata> table_metadata(BrowseCache& cache, store::Connection& conn,
                                                    const BrowseTable& table);

}  // namespace axis::browse
