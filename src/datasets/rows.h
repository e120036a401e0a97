// Reading a stored dataset's rows back as JSON, in file order, streamed from DuckDB.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "store/value.h"

namespace axis::store { class Connection; }

namespace axis::datasets {

// Rows [offset, offset + limit) as a JSON array text. Blocking.
std::string rows_json(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                      std::int64_t offset, std::int64_t limit);

// The rows of AXIS's own SELECT `sql` (? placeholders for `values`) as a JSON array text, read
// on `conn` the way a page of rows is read. Blocking.
std::string select_rows_json(store::Connection& conn, const std::string& sql,
                             const std::vector<store::Value>& values);

// The same rows, one JSON object text each. Blocking.
std::vector<std::string> row_objects(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                                     std::int64_t offset, std::int64_t limit);

// How many rows of a dataset a reply may carry: `max_rows`, fewer for a wide dataset so that a
// reply holds at most a million cells (at least 10 rows).
std::int64_t reply_rows(const DatasetInfo& dataset, std::int64_t max_rows);

}  // namespace axis::datasets
