#include "sync/staging.h"

#include "pg/pg_connection.h"
#include "store/connection.h"
#include "store/sql_text.h"

namespace axis::sync {

std::string duckdb_type(unsigned type_oid) {
  namespace oid = pg::oid;
  switch (type_oid) {
    case oid::kInt8: return "BIGINT";
    case oid::kInt4: return "INTEGER";
    case oid::kInt2: return "SMALLINT";
    case oid::kFloat4:
    case oid::kFloat8:
    case oid::kNumeric: return "DOUBLE";
    case oid::kBool: return "BOOLEAN";
    case oid::kDate: return "DATE";
    case oid::kTimestamp:
    case oid::kTimestampTz: return "TIMESTAMP";  // read with TimeZone = UTC: offsets are +00
    default: return "VARCHAR";
  }
}

std::vector<datasets::ColumnInfo> staged_columns(store::Connection& conn, const std::string& table) {
  std::vector<datasets::ColumnInfo> out;
  conn.query("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND "
             "database_name IN (current_database(), 'temp') ORDER BY database_name = 'temp' DESC, "
             "column_index",
             {table})
      .for_each_row([&](const auto& row) { out.push_back({row[0].value_or(""), row[1].value_or("")}); });
  return out;
}

StagedTable stage_csv(store::Connection& conn, const std::string& staging, const CopyResult& copy,
                      const std::vector<std::string>& stored_names, std::int64_t max_rows,
                      bool temporary) {
  using datasets::quote_ident;
  using datasets::quote_literal;
  std::string files, types, select;
  for (const std::string& f : copy.files) files += (files.empty() ? "" : ", ") + quote_literal(f);
  // read_csv names the columns c0, c1, ... so odd source names never meet its option syntax.
  for (std::size_t i = 0; i < copy.columns.size(); ++i) {
    const std::string c = "c" + std::to_string(i);
    types += (i ? ", " : "") + quote_literal(c) + ": " + quote_literal(duckdb_type(copy.columns[i].type_oid));
    select += (i ? ", " : "") + quote_ident(c) + " AS " + quote_ident(stored_names.at(i));
  }
  conn.execute("DROP TABLE IF EXISTS " + quote_ident(staging));
  if (copy.columns.empty()) throw std::runtime_error("the source query returns no columns");
  const std::string source =
      "read_csv([" + files + "], header = true, auto_detect = false, delim = ',', quote = '\"', "
      "escape = '\"', allow_quoted_nulls = false, columns = {" + types + "})";
  std::string sql = std::string(temporary ? "CREATE TEMP TABLE " : "CREATE TABLE ") +
                    quote_ident(staging) + " AS SELECT " + select + " FROM " + source;
  // A LIMIT makes DuckDB read the files on one thread: only when the source had too many rows.
  if (max_rows > 0 && copy.rows > max_rows) sql += " LIMIT " + std::to_string(max_rows + 1);
  conn.execute(sql);
  StagedTable out;
  out.rows = store::cell_int(conn.execute("SELECT count(*) FROM " + quote_ident(staging)).scalar());
  if (max_rows > 0 && out.rows > max_rows) {
    // Every COPY read up to max_rows + 1 rows: keep max_rows of them.
    conn.execute("DELETE FROM " + quote_ident(staging) + " WHERE rowid >= " + std::to_string(max_rows));
    out.rows = max_rows;
    out.truncated = true;
  }
  out.columns = staged_columns(conn, staging);
  return out;
}

}  // namespace axis::sync
