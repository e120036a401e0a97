#include "database/source_browser.h"

#include <cstdio>
#include <memory>
#include <set>

#include "database/sql_guard.h"
#include "pg/pg_connection.h"
#include "util/http_error.h"

namespace axis::database {
namespace {

using pg::PgConnection;
using pg::PgResult;

// Runs `read` inside BEGIN READ ONLY with a statement timeout; always ends the transaction.
template <class F>
auto read_only(PgConnection& conn, int timeout_seconds, F&& read) {
  conn.execute("BEGIN READ ONLY");
  try {
    conn.execute("SET LOCAL statement_timeout = " + std::to_string(timeout_seconds * 1000));
    auto result = read();
    conn.execute("COMMIT");
    return result;
  } catch (...) {
    try {
      conn.execute("ROLLBACK");
    } catch (const pg::PgError&) {
      // the connection is gone; the caller reports the first error
    }
    throw;
  }
}

CellKind kind_of(unsigned type) {
  namespace oid = pg::oid;
  switch (type) {
    case oid::kInt2:
    case oid::kInt4:
    case oid::kInt8:
      return CellKind::integer;
    case oid::kFloat4:
    case oid::kFloat8:
    case oid::kNumeric:
      return CellKind::decimal;
    case oid::kBool:
      return CellKind::boolean;
    default:
      return CellKind::text;
  }
}

SourceRows rows_of(PgResult r) {
  SourceRows out;
  out.columns = std::move(r.columns);
  for (unsigned type : r.types) out.kinds.push_back(kind_of(type));
  out.rows = std::move(r.rows);
  return out;
}

std::string qualified(const TableRef& t) {
  return pg::quote_ident(t.schema) + "." + pg::quote_ident(t.name);
}

// The table's columns in order as rows (name, data_type, nullable); HttpError 404 when the
// table does not exist.
PgResult column_rows(PgConnection& conn, const TableRef& t) {
  PgResult r = conn.query(
      "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
      "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
      {t.schema, t.name});
  if (r.rows.empty()) {
    throw util::HttpError(404, "Table " + t.schema + "." + t.name + " not found");
  }
  return r;
}

// The table's column names in order; HttpError 404 when it does not exist.
std::vector<std::string> columns_of(PgConnection& conn, const TableRef& t) {
  const PgResult r = column_rows(conn, t);
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row[0].value_or(""));
  return out;
}

void require_column(const std::vector<std::string>& columns, const std::string& name,
                    const TableRef& t, int status) {
  for (const auto& c : columns) {
    if (c == name) return;
  }
  throw util::HttpError(status, "Column '" + name + "' not found in " + t.schema + "." + t.name);
}

// SELECT [DISTINCT] <mapped columns, or *> FROM <table> WHERE <each filter, column as text =
// value>: with `values`, the filter values are appended to it and written $1, $2, ...; without,
// as quoted literals (COPY takes no parameters). HttpError 400 names an unknown column.
std::string mapped_select(const std::vector<std::string>& columns, const TableRef& table,
                          const std::vector<ColumnMapping>& mappings,
                          const std::vector<Filter>& filters, bool distinct,
                          std::vector<std::optional<std::string>>* values) {
  std::string select;
  for (const auto& m : mappings) {
    require_column(columns, m.source, table, 400);
    select += (select.empty() ? "" : ", ") + pg::quote_ident(m.source) + " AS " +
              pg::quote_ident(m.target.empty() ? m.source : m.target);
  }
  if (select.empty()) select = "*";
  std::string where;
  for (const auto& f : filters) {
    require_column(columns, f.column, table, 400);
    std::string value = pg::quote_literal(f.value);
    if (values) {
      values->emplace_back(f.value);
      value = "$" + std::to_string(values->size());
    }
    where += std::string(where.empty() ? " WHERE " : " AND ") + pg::quote_ident(f.column) +
             "::text = " + value;
  }
  return std::string("SELECT ") + (distinct ? "DISTINCT " : "") + select + " FROM " +
         qualified(table) + where;
}

}  // namespace

std::vector<SourceTable> list_tables(PgConnection& conn, const std::vector<std::string>& allowlist,
                                     int timeout_seconds) {
  const PgResult r = read_only(conn, timeout_seconds, [&] {
    return conn.query(
        "SELECT n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'v', 'm', 'p') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
        "AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1, 2");
  });
  const std::set<std::string> allowed(allowlist.begin(), allowlist.end());
  std::vector<SourceTable> tables;
  for (const auto& row : r.rows) {
    const std::string schema = row[0].value_or(""), name = row[1].value_or("");
    if (!allowed.empty() && !allowed.count(schema + "." + name)) continue;
    tables.push_back({schema, name, std::stoll(row[2].value_or("0"))});
  }
  return tables;
}

SourceSchema table_schema(PgConnection& conn, const TableRef& table, int timeout_seconds) {
  return read_only(conn, timeout_seconds, [&] {
    SourceSchema out;
    for (const auto& row : column_rows(conn, table).rows) {
      out.columns.push_back({row[0].value_or(""), row[1].value_or(""), row[2] == "t"});
    }
    out.sample = rows_of(conn.query("SELECT * FROM " + qualified(table) + " LIMIT 5"));
    return out;
  });
}

std::vector<std::string> distinct_values(PgConnection& conn, const TableRef& table,
                                         const std::string& column, std::int64_t limit,
                                         int timeout_seconds) {
  return read_only(conn, timeout_seconds, [&] {
    require_column(columns_of(conn, table), column, table, 404);
    const std::string c = pg::quote_ident(column);
    const PgResult r = conn.query("SELECT DISTINCT " + c + "::text FROM " + qualified(table) +
                                      " WHERE " + c + " IS NOT NULL ORDER BY 1 LIMIT $1",
                                  {std::to_string(limit)});
    std::vector<std::string> values;
    for (const auto& row : r.rows) values.push_back(row[0].value_or(""));
    return values;
  });
}

SourceRows preview_rows(PgConnection& conn, const TableRef& table,
                        const std::vector<ColumnMapping>& mappings,
                        const std::vector<Filter>& filters, std::int64_t limit,
                        int timeout_seconds) {
  return read_only(conn, timeout_seconds, [&] {
    std::vector<std::optional<std::string>> values;
    const std::string select =
        mapped_select(columns_of(conn, table), table, mappings, filters, false, &values);
    values.emplace_back(std::to_string(limit));
    return rows_of(conn.query(select + " LIMIT $" + std::to_string(values.size()), values));
  });
}

SourceRows query_rows(PgConnection& conn, const std::string& sql, std::int64_t limit,
                      int timeout_seconds) {
  const std::string statement = checked_select(sql);
  return read_only(conn, timeout_seconds, [&] {
    return rows_of(conn.query("SELECT * FROM (" + statement + ") AS _axis_q LIMIT $1",
                              {std::to_string(limit)}));
  });
}

std::string import_select(PgConnection& conn, const TableRef& table,
                          const std::vector<ColumnMapping>& mappings,
                          const std::vector<Filter>& filters, std::int64_t limit, bool distinct,
                          int timeout_seconds) {
  const std::vector<std::string> columns =
      read_only(conn, timeout_seconds, [&] { return columns_of(conn, table); });
  return mapped_select(columns, table, mappings, filters, distinct, nullptr) + " LIMIT " +
         std::to_string(limit);
}

std::string query_import_select(const std::string& sql, std::int64_t limit, bool distinct) {
  return std::string("SELECT ") + (distinct ? "DISTINCT " : "") + "* FROM (" + checked_select(sql) +
         ") AS _axis_q LIMIT " + std::to_string(limit);
}

std::int64_t copy_select_to_csv(PgConnection& conn, const std::string& select,
                                const std::string& path, int timeout_seconds) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!file) throw std::runtime_error("cannot write " + path);
  const auto count = read_only(conn, timeout_seconds, [&] {
    conn.execute("SET LOCAL standard_conforming_strings = on");
    return conn.copy_out("COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER true)",
                         [&](std::string_view piece) {
                           if (std::fwrite(piece.data(), 1, piece.size(), file.get()) != piece.size()) {
                             throw std::runtime_error("cannot write " + path + " (disk full?)");
                           }
                         });
  });
  if (std::fflush(file.get()) != 0) throw std::runtime_error("cannot write " + path);
  return count.rows;
}

}  // namespace axis::database
