// Reads and checks the header record of a CSV file before DuckDB loads it.
#pragma once

#include <string>
#include <vector>

namespace axis::ingest {

// The column names of the CSV's first record (RFC 4180 quoting; a UTF-8 BOM is skipped).
// Throws HttpError 400 for an empty file, a header that is not UTF-8, an empty or duplicate
// column name, or an unterminated quote.
std::vector<std::string> read_csv_header(const std::string& path);

}  // namespace axis::ingest
