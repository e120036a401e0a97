// Streams a query's rows as a JSON array straight from DuckDB, without building a JSON tree:
// each row is serialized by DuckDB's to_json and handed to the sink as text.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/value.h"

namespace axis::store {

class Connection;

// Writes "[row,row,...]" to sink in pieces and returns the row count. `sql` is AXIS's own
// SELECT with ? placeholders for `values`. Non-finite doubles become null.
// DuckDB's to_json writes NaN/Infinity as bare words; this turns them into null outside strings.
std::string replace_non_finite(std::string_view json);

std::int64_t write_rows_json(Connection& conn, const std::string& sql,
                             const std::vector<Value>& values,
                             const std::function<void(std::string_view)>& sink);

// Calls row(json) with each row's JSON object text, in order, and returns the row count.
std::int64_t for_each_row_json(Connection& conn, const std::string& sql,
                               const std::vector<Value>& values,
                               const std::function<void(std::string_view)>& row);

}  // namespace axis::store
