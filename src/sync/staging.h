// Loading the CSV files a sync read from PostgreSQL into a DuckDB staging table: every column
// typed from its PostgreSQL type (no sniffing, so a late odd value cannot change a column's
// type), renamed to its stored name, capped at max_rows rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "sync/source_copy.h"

namespace axis::store { class Connection; }

namespace axis::sync {

// The DuckDB type a PostgreSQL column is stored as: integers, floating point and numeric as
// BIGINT/INTEGER/SMALLINT/DOUBLE, bool, date, timestamps (with a zone: read in UTC) as
// TIMESTAMP; everything else as VARCHAR.
std::string duckdb_type(unsigned type_oid);

struct StagedTable {
  std::int64_t rows = 0;
  bool truncated = false;  // the source had more than max_rows rows
  std::vector<datasets::ColumnInfo> columns;
};

// (Re)creates `staging` from the files of `copy`; column i is stored as stored_names[i].
// max_rows 0 = no cap. `temporary`: a TEMP table, in memory (spilling to disk when memory is
// short) and seen by `conn` only, for rows that are only read to build other tables. Throws
// store::StoreError when DuckDB cannot read the files.
StagedTable stage_csv(store::Connection& conn, const std::string& staging, const CopyResult& copy,
                      const std::vector<std::string>& stored_names, std::int64_t max_rows,
                      bool temporary = false);

// The columns of a table or TEMP table, in table order.
std::vector<datasets::ColumnInfo> staged_columns(store::Connection& conn, const std::string& table);

}  // namespace axis::sync
