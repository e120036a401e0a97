// The DuckDB CSV reader settings every upload uses, and its errors in the user's terms.
#pragma once

#include <cstddef>
#include <string>

namespace axis::ingest {

// read_csv(?) with strict RFC 4180 settings (the file path is the one bound parameter).
// `types` is the body of a `types = {...}` option pinning columns; its keys must be AXIS's own
// column names or header names already checked by inspect_csv, quoted by the caller.
// `full_sniff` makes DuckDB sample the whole file for types; `all_varchar` reads every column
// as text (no type detection at all).
std::string csv_source(const std::string& types, bool full_sniff, bool all_varchar = false);

// DuckDB's CSV errors are long and name the spool file: "CSV parsing error: ..." saying what is
// wrong, with `path` replaced by "the uploaded file".
std::string csv_error(std::string error, const std::string& path, std::size_t header_columns);

}  // namespace axis::ingest
