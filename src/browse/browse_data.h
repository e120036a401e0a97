// GET /api/store/data/{dataset}: a page of a browsed table's rows, filtered, searched and
// sorted in DuckDB and streamed as JSON (store::write_rows_json).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "browse/browse_table.h"
#include "monitoring/monitoring_filters.h"

namespace axis::store { class Connection; }

namespace axis::browse {

class BrowseCache;

inline constexpr std::int64_t kMaxPageSize = 500;

struct BrowseQuery {
  std::int64_t page = 1;        // from 1
  std::int64_t page_size = 50;  // 1..kMaxPageSize
  std::optional<std::string> sort_by;   // a column; absent: the time column, newest first
  std::optional<std::string> sort_dir;  // asc | desc (default desc)
  std::vector<std::string> columns;     // the columns returned; empty = all
  // The common filters, each on the column it names when the table has it (time window on the
  // time column; metric_name is plain equality, the visible metrics do not apply).
  monitoring::MonitoringFilters filters;
  // A case-insensitive substring of query, trace_id or actual_output (no wildcards).
  std::optional<std::string> search;
};

// {success, data, total, page, page_size}. Throws HttpError 400 for an unknown sort_by or
// columns entry, and the time window's 422/400. Totals, time bounds and the rows of searches
// matching at most 1000 rows are remembered (browse_cache.h). Blocking.
std::string page_json(BrowseCache& cache, store::Connection& conn, const BrowseTable& table,
                      const BrowseQuery& query);

}  // namespace axis::browse
