#include "database/database_service.h"

#include "config/connection_parts.h"
#include "monitoring/monitoring_columns.h"
#include "pg/pg_connection.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::database {
namespace {

// Runs `work(conn, timeout)` on a fresh connection to `conninfo`; PostgreSQL errors become 408
// (the statement timeout) or 400 with the server's message.
template <class F>
auto on_connection(const std::string& conninfo, int timeout, F&& work) {
  try {
    auto conn = pg::PgConnection::connect(conninfo);
    return work(*conn, timeout > 0 ? timeout : kStatementTimeoutSeconds);
  } catch (const pg::PgError& e) {
    if (e.cancelled()) throw util::HttpError(408, "Query timed out: " + std::string(e.what()));
    throw util::HttpError(400, e.what());
  }
}

// The source's rows: the results joined to their dataset rows (or whichever query is set).
std::string source_select(const config::SourceSettings& s) {
  const std::string limit = " LIMIT " + std::to_string(s.row_limit);
  auto limited = [&](const std::string& q) {
    return "SELECT * FROM (" + std::string(util::without_trailing_semicolons(q)) + ") AS subq" +
           limit;
  };
  if (util::is_blank(s.results_query)) return limited(s.dataset_query);
  if (util::is_blank(s.dataset_query)) return limited(s.results_query);
  return "SELECT * FROM (" + limited(s.results_query) + ") AS r LEFT JOIN (" +
         limited(s.dataset_query) + ") AS d USING (dataset_id)";
}

// `select` with its columns renamed by the source's `columns` map (a key matches a column's
// name as written or normalised).
std::string renamed_select(pg::PgConnection& conn, const std::string& select,
                           const config::SourceSettings& source) {
  if (source.columns.empty()) return select;
  const pg::PgResult shape = conn.query("SELECT * FROM (" + select + ") AS _axis_s LIMIT 0");
  std::string out;
  for (const std::string& c : shape.columns) {
    auto it = source.columns.find(c);
    if (it == source.columns.end()) it = source.columns.find(monitoring::normalise_header(c));
    const std::string name = it == source.columns.end() ? c : it->second;
    out += (out.empty() ? "" : ", ") + pg::quote_ident(c) + " AS " + pg::quote_ident(name);
  }
  return "SELECT " + out + " FROM (" + select + ") AS _axis_s";
}

}  // namespace

const config::SourceSettings& DatabaseService::source(const std::string& store) const {
  if (store == "data") return settings_.eval_db;
  if (store == "monitoring") return settings_.monitoring_db;
  if (store == "human_signals") return settings_.human_signals_db;
  throw util::HttpError(400, "Unknown store '" + store +
                                 "'. Available: data, monitoring, human_signals");
}

Connected DatabaseService::connect(const std::string& store, ConnectRequest request) {
  const config::SourceSettings& configured = source(store);
  if (!request.db_type.empty() && request.db_type != "postgres" &&
      request.db_type != "postgresql") {
    throw util::HttpError::field({"body", "db_type"}, "literal_error",
                                 "Unsupported db_type '" + request.db_type + "'. Supported: postgres");
  }
  if (request.password == kMaskedPassword) request.password = config::configured_password(configured);
  const std::string info =
      conninfo(request.host, request.port, request.database, request.username, request.password,
               request.ssl_mode.empty() ? "require" : request.ssl_mode);
  std::string version;
  try {
    version = pg::PgConnection::connect(info)->server_version();
  } catch (const pg::PgError& e) {
    const std::string what = e.what();
    throw util::HttpError(400, what.find("password") != std::string::npos
                                   ? "Authentication failed: check the username and password"
                                   : "Could not connect: " + what);
  }
  return {handles_.add(info, store), version};
}

template <class F>
auto DatabaseService::through(const std::string& handle, F&& work) {
  const Handle h = handles_.get(handle);
  return on_connection(h.conninfo, source(h.store).query_timeout,
                       [&](pg::PgConnection& conn, int timeout) { return work(h, conn, timeout); });
}

std::vector<SourceTable> DatabaseService::tables(const std::string& handle) {
  return through(handle, [&](const Handle& h, pg::PgConnection& conn, int timeout) {
    return list_tables(conn, source(h.store).tables, timeout);
  });
}

SourceSchema DatabaseService::schema(const std::string& handle, const TableRef& table) {
  return through(handle, [&](const Handle&, pg::PgConnection& conn, int timeout) {
    return table_schema(conn, table, timeout);
  });
}

std::vector<std::string> DatabaseService::distinct_values(const std::string& handle,
                                                          const TableRef& table,
                                                          const std::string& column,
                                                          std::int64_t limit) {
  return through(handle, [&](const Handle&, pg::PgConnection& conn, int timeout) {
    return database::distinct_values(conn, table, column, limit, timeout);
  });
}

SourceRows DatabaseService::preview(const std::string& handle, const MappedTable& t,
                                    std::int64_t limit) {
  return through(handle, [&](const Handle&, pg::PgConnection& conn, int timeout) {
    return preview_rows(conn, t.table, t.mappings, t.filters, limit, timeout);
  });
}

SourceRows DatabaseService::query(const std::string& handle, const std::string& sql,
                                  std::int64_t limit) {
  return through(handle, [&](const Handle&, pg::PgConnection& conn, int timeout) {
    return query_rows(conn, sql, limit, timeout);
  });
}

SpooledRows DatabaseService::import_table(const std::string& handle, const MappedTable& t,
                                          std::int64_t limit, bool distinct,
                                          const std::string& path) {
  const auto spooled = through(handle, [&](const Handle& h, pg::PgConnection& conn, int timeout) {
    const std::string select =
        import_select(conn, t.table, t.mappings, t.filters, limit, distinct, timeout);
    return SpooledRows{h.store, copy_select_to_csv(conn, select, path, timeout)};
  });
  if (spooled.rows == 0) throw util::HttpError(400, "The query returned no rows; nothing was imported");
  return spooled;
}

SpooledRows DatabaseService::import_query(const std::string& handle, const std::string& sql,
                                          std::int64_t limit, bool distinct,
                                          const std::string& path) {
  const std::string select = query_import_select(sql, limit, distinct);  // 422 before connecting
  const auto spooled = through(handle, [&](const Handle& h, pg::PgConnection& conn, int timeout) {
    return SpooledRows{h.store, copy_select_to_csv(conn, select, path, timeout)};
  });
  if (spooled.rows == 0) throw util::HttpError(400, "The query returned no rows; nothing was imported");
  return spooled;
}

std::int64_t DatabaseService::import_source(const config::SourceSettings& s, bool rename,
                                            const std::string& path) {
  if (!s.configured() || (util::is_blank(s.dataset_query) && util::is_blank(s.results_query))) {
    throw util::HttpError(400, s.name + " is not configured: enable it and set its connection "
                                        "and dataset_query/results_query");
  }
  std::int64_t rows = 0;
  try {
    auto conn = pg::PgConnection::connect(config::connection_url(s));
    const std::string select = rename ? renamed_select(*conn, source_select(s), s) : source_select(s);
    rows = copy_select_to_csv(*conn, select, path, s.query_timeout);
  } catch (const pg::PgError& e) {
    if (e.cancelled()) {
      throw util::HttpError(408, "Import timed out after " + std::to_string(s.query_timeout) + " s");
    }
    throw util::HttpError(500, "Import failed: " + std::string(e.what()));
  }
  if (rows == 0) throw util::HttpError(400, "No rows returned from " + s.name);
  return rows;
}

}  // namespace axis::database
