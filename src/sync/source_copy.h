// Reading a source query out of PostgreSQL into CSV files with COPY ... TO STDOUT, the sync
// engine's read path (spec storage.md §2 "Read tiers"). With a partition column and more than
// one worker the rows are split into equal-width ranges of that column, each read by its own
// connection at the same time; the range bounds are computed by PostgreSQL and written as
// quoted literals, so integer, numeric, date and timestamp columns all work (a column whose
// values cannot be split falls back to one COPY). Rows whose partition value is NULL go with
// the first range. Every COPY reads at most max_rows + 1 rows, so the caller can both cap the
// table and tell that the source had more.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace axis::sync {

struct SourceColumn {
  std::string name;
  unsigned type_oid = 0;
};

// Live counts of a running copy, raised as rows arrive over every COPY of it; any thread may
// read them.
struct CopyProgress {
  std::atomic<std::int64_t> rows{0};   // data rows received (header lines not counted)
  std::atomic<std::int64_t> bytes{0};  // CSV bytes received, header lines included
};

struct CopyRequest {
  std::string url;               // libpq URL (connection_url of the source)
  std::string query;             // the source SELECT (no trailing semicolon)
  std::string partition_column;  // "" = one COPY
  int workers = 1;               // parallel COPYs when partitioned
  std::int64_t max_rows = 0;     // cap of each COPY is max_rows + 1; 0 = no cap
  int statement_timeout_seconds = 60;
  CopyProgress* progress = nullptr;  // raised while copying when set; outlives the copy
};

struct CopyResult {
  std::vector<SourceColumn> columns;  // of the query, in order
  std::vector<std::string> files;     // CSV with a header line, one per COPY
  std::int64_t bytes = 0;
  std::int64_t rows = 0;              // in all files together
  int ranges = 1;                     // COPYs run
};

// Copies the rows of request.query into <dir>/<prefix>_<i>.csv. Throws pg::PgError when a
// connection, query or COPY fails (files already written stay for the caller to remove).
CopyResult copy_to_csv(const CopyRequest& request, const std::string& dir,
                       const std::string& prefix);

// The WHERE conditions of the ranges split at `bounds` (ascending, as text): the first range
// also takes NULLs, the last is closed. One bound-less range when `bounds` is empty.
std::vector<std::string> range_conditions(const std::string& quoted_column,
                                          const std::vector<std::string>& bounds);

}  // namespace axis::sync
