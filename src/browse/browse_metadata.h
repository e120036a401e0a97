// GET /api/store/metadata/{dataset}: what a browsed table holds (spec storage.md "Metadata").
#pragma once

#include <string>
#include <vector>

#include "browse/browse_table.h"

namespace axis::store { class Connection; }

namespace axis::browse {

class BrowseCache;

// The fields whose distinct values are listed (those the table has).
const std::vector<std::string>& filter_value_fields();
// At most this many values per field, sorted.
inline constexpr int kMaxFilterValues = 200;

// {success, dataset, dataset_id, metadata{row_count, columns[{column_name, column_type}],
// filter_values{field: [...]}, time_range{min, max}, summary_stats?}}; summary_stats
// ({total_records, avg_score, pass_rate, p50/p95/p99_latency}) only when the table has
// metric_score. Computed once per table and then remembered (browse_cache.h). Blocking.
std::string metadata_json(BrowseCache& cache, store::Connection& conn, const BrowseTable& table);

}  // namespace axis::browse
