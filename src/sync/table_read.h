// One table of a sync: its source query read out of PostgreSQL (only the rows past the
// watermark for an incremental sync) into a DuckDB staging table, with the columns named as
// uploads of the same kind name them (monitoring: normalised, YAML `columns` map, aliases;
// the others: YAML map and normalised names).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sync/staging.h"
#include "sync/sync_target.h"

namespace axis::store { class Store; }

namespace axis::sync {

struct ReadOptions {
  std::string url;                 // libpq URL of the source
  std::string tmp_dir;             // CSV files go here (the caller removes it)
  int workers = 1;                 // duckdb.yaml sync_workers
  std::int64_t max_rows = 0;       // duckdb.yaml max_sync_rows
  int statement_timeout_seconds = 60;
  CopyProgress* progress = nullptr;  // raised as rows arrive (see CopyProgress); may be null
};

struct TableRead {
  std::string table;               // the live table
  std::string staging;             // <table>_staging, holding the rows read
  StagedTable staged;              // when staged
  std::string incremental_column;  // its stored name ("" when not configured)
  // Not staged yet (stage = false): the files and stored column names, for the commit to
  // stage on its own connection.
  CopyResult copy;
  std::vector<std::string> names;
  bool is_staged = false;
};

// Reads `query` into CSV files and, with `stage`, into <table>_staging. With `watermark`,
// only rows whose incremental column (source name) is strictly greater. Throws pg::PgError,
// store::StoreError or std::runtime_error (e.g. the incremental column is not among the
// query's columns). The files live in options.tmp_dir until the caller removes it.
TableRead read_table(store::Store& store, const SyncTarget& target, const std::string& table,
                     const std::string& query, const std::optional<std::string>& watermark,
                     const ReadOptions& options, bool stage = true);

}  // namespace axis::sync
