// Text forms of DuckDB types and values used when reading results.
#pragma once

#include <duckdb.h>

#include <string>

namespace axis::store {

// DuckDB's SQL name of a type id ("VARCHAR", "DOUBLE", "TIMESTAMP"...).
std::string type_name(duckdb_type type);
// Shortest round-trip text of a double; NaN and infinities become "NaN", "Infinity", "-Infinity".
std::string format_double(double value);
// ISO 8601 without a zone, microseconds when non-zero: "2024-01-31T12:00:00.250000".
std::string format_timestamp(duckdb_timestamp_struct ts);

}  // namespace axis::store
