// What the database import wizard reads from a PostgreSQL source through a handle: tables,
// a table's columns and sample values, distinct values of a column, a preview of mapped and
// filtered rows, and the rows of the user's own SELECT. Identifiers are checked against the
// catalog and quoted; values are bound. Every read runs in a READ ONLY transaction with a
// statement timeout, so a function that writes is refused and a query that never ends is cut.
// Results are typed; the api layer renders them. Blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace axis::pg { class PgConnection; }

namespace axis::database {

struct TableRef {
  std::string schema = "public";
  std::string name;
};

struct ColumnMapping {
  std::string source, target;
};

struct Filter {
  std::string column, value;
};

struct SourceTable {
  std::string schema, name;
  std::int64_t row_count_estimate = 0;
};

struct SourceColumn {
  std::string name, data_type;
  bool nullable = true;
};

// What a cell holds, from its column's PostgreSQL type.
enum class CellKind { integer, decimal, boolean, text };

// Rows as PostgreSQL sent them: each cell's text (null for NULL), typed by its column's kind.
// Booleans are "t" or "f".
struct SourceRows {
  std::vector<std::string> columns;
  std::vector<CellKind> kinds;  // one per column
  std::vector<std::vector<std::optional<std::string>>> rows;
};

struct SourceSchema {
  std::vector<SourceColumn> columns;
  SourceRows sample;  // the first rows of the table
};

constexpr int kStatementTimeoutSeconds = 60;  // when the source configures none

// The user tables and views the connection may read, by schema and name; with `allowlist`
// ("schema.table" entries), only those.
std::vector<SourceTable> list_tables(pg::PgConnection& conn,
                                     const std::vector<std::string>& allowlist,
                                     int timeout_seconds = kStatementTimeoutSeconds);

// The table's columns in order and its first 5 rows. Throws HttpError 404 when the table does
// not exist.
SourceSchema table_schema(pg::PgConnection& conn, const TableRef& table,
                          int timeout_seconds = kStatementTimeoutSeconds);

// [values] (text, sorted, non-null, at most `limit`). HttpError 404 for an unknown table or
// column.
std::vector<std::string> distinct_values(pg::PgConnection& conn, const TableRef& table,
                                         const std::string& column, std::int64_t limit,
                                         int timeout_seconds = kStatementTimeoutSeconds);

// The mapped columns (all when `mappings` is empty) of the rows that match every filter
// (equality), at most `limit`. HttpError 400 naming an unknown column.
SourceRows preview_rows(pg::PgConnection& conn, const TableRef& table,
                        const std::vector<ColumnMapping>& mappings,
                        const std::vector<Filter>& filters, std::int64_t limit,
                        int timeout_seconds = kStatementTimeoutSeconds);

// The first `limit` rows of the user's statement (checked by checked_select first, then run
// read-only with the timeout).
SourceRows query_rows(pg::PgConnection& conn, const std::string& sql, std::int64_t limit,
                      int timeout_seconds = kStatementTimeoutSeconds);

// The SELECT of an import from a table: the mapped columns (all when `mappings` is empty) of
// the rows matching every filter, at most `limit`. Filter values are quoted literals (COPY
// takes no parameters). HttpError 404/400 for an unknown table or column.
std::string import_select(pg::PgConnection& conn, const TableRef& table,
                          const std::vector<ColumnMapping>& mappings,
                          const std::vector<Filter>& filters, std::int64_t limit, bool distinct,
                          int timeout_seconds = kStatementTimeoutSeconds);

// The SELECT of an import from the user's statement (checked by checked_select).
std::string query_import_select(const std::string& sql, std::int64_t limit, bool distinct);

// Writes the rows of `select` as CSV with a header to `path`, read-only with the timeout.
// Returns the number of rows.
std::int64_t copy_select_to_csv(pg::PgConnection& conn, const std::string& select,
                                const std::string& path,
                                int timeout_seconds = kStatementTimeoutSeconds);

}  // namespace axis::database
