// /api/database: the database import wizard's reads from a PostgreSQL source (spec api.md
// `database`): defaults, connect (a handle), tables, schema, distinct values, preview, the
// user's own SELECT, disconnect and stats. Passwords stay on the server: the defaults say only
// whether one is configured, and "********" at connect means "use the configured one".
#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/dataset_replies.h"
#include "api/evaluation_params.h"
#include "api/routes.h"
#include "app/app.h"
#include "config/connection_parts.h"
#include "database/handles.h"
#include "database/source_browser.h"
#include "http/http_error.h"
#include "http/json_body.h"
#include "http/router.h"
#include "pg/pg_connection.h"
#include "util/random_id.h"
#include "util/scoped_path.h"

namespace axis::api {
namespace {

using nlohmann::json;
using Body = nlohmann::ordered_json;
constexpr const char* kMaskedPassword = "********";

Body object_body(const http::Request& req) {
  Body body = http::parse_json_body(req);
  if (!body.is_object()) throw http::HttpError(422, "The body must be a JSON object");
  return body;
}

const config::SourceSettings& source_of(const app::App& app, const std::string& store) {
  if (store == "data") return app.settings().eval_db;
  if (store == "monitoring") return app.settings().monitoring_db;
  if (store == "human_signals") return app.settings().human_signals_db;
  throw http::HttpError(400, "Unknown store '" + store + "'. Available: data, monitoring, human_signals");
}

std::string store_param(const http::Request& req) {
  return req.query_param("store").value_or("data");
}

database::HandleRegistry& handles() {
  static database::HandleRegistry registry;
  return registry;
}

// Runs `work` on a fresh connection for the request's handle, with the statement timeout of
// the handle's source (query_timeout); PostgreSQL errors become 408 (timeout) or 400 (anything
// the server refused) with its message.
template <class F>
http::Response with_connection(const app::App& app, const http::Request& req, F&& work) {
  const database::Handle handle = handles().get(req.param("handle"));
  const int timeout = source_of(app, handle.store).query_timeout;
  try {
    auto conn = pg::PgConnection::connect(handle.conninfo);
    return http::Response::json(work(*conn, timeout > 0 ? timeout : database::kStatementTimeoutSeconds));
  } catch (const pg::PgError& e) {
    if (e.cancelled()) throw http::HttpError(408, "Query timed out: " + std::string(e.what()));
    throw http::HttpError(400, e.what());
  }
}

std::string text_field(const Body& body, const char* key, bool required) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) throw http::HttpError(422, std::string("Field '") + key + "' is required");
    return "";
  }
  if (!it->is_string()) throw http::HttpError(422, std::string("Field '") + key + "' must be a string");
  return it->get<std::string>();
}

std::int64_t int_field(const Body& body, const char* key, std::int64_t fallback, std::int64_t lo,
                       std::int64_t hi) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() || *it < lo || *it > hi) {
    throw http::HttpError(422, std::string("Field '") + key + "' must be a whole number from " +
                                   std::to_string(lo) + " to " + std::to_string(hi));
  }
  return it->get<std::int64_t>();
}

bool bool_field(const Body& body, const char* key, bool fallback) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) throw http::HttpError(422, std::string("Field '") + key + "' must be true or false");
  return it->get<bool>();
}

database::TableRef table_field(const Body& body) {
  auto it = body.find("table");
  if (it == body.end() || !it->is_object()) throw http::HttpError(422, "Field 'table' is required");
  database::TableRef t;
  t.name = text_field(*it, "name", true);
  if (auto schema = text_field(*it, "schema_name", false); !schema.empty()) t.schema = schema;
  return t;
}

// A table with the column mappings and equality filters of a preview or an import body.
struct MappedTable {
  database::TableRef table;
  std::vector<database::ColumnMapping> mappings;
  std::vector<database::Filter> filters;
};

MappedTable mapped_table(const Body& body) {
  MappedTable out{table_field(body), {}, {}};
  for (const auto& m : body.value("mappings", Body::array())) {
    if (!m.is_object()) throw http::HttpError(422, "Each mapping is {source, target}");
    out.mappings.push_back({text_field(m, "source", true), text_field(m, "target", false)});
  }
  for (const auto& f : body.value("filters", Body::array())) {
    if (!f.is_object()) throw http::HttpError(422, "Each filter is {column, value}");
    out.filters.push_back({text_field(f, "column", true), text_field(f, "value", true)});
  }
  return out;
}

json defaults_json(const config::SourceSettings& s) {
  const auto parts = config::connection_parts(s);
  json tables = s.tables;
  json filters = json::array();
  for (const auto& f : s.filters) filters.push_back({{"column", f.column}, {"label", f.label}});
  return {{"url", nullptr},
          {"host", parts ? json(parts->host) : json(nullptr)},
          {"port", parts ? parts->port : 5432},
          {"database", parts ? json(parts->database) : json(nullptr)},
          {"username", parts ? json(parts->username) : json(nullptr)},
          {"has_password", !config::configured_password(s).empty()},
          {"ssl_mode", parts && !parts->ssl_mode.empty() ? parts->ssl_mode : s.ssl_mode},
          {"table", s.table.empty() ? json(nullptr) : json(s.table)},
          {"has_defaults", parts.has_value()},
          {"tables", tables},
          {"filters", filters},
          {"column_rename_map", s.columns},
          {"query", s.dataset_query.empty() ? json(nullptr) : json(s.dataset_query)},
          {"query_timeout", s.query_timeout},
          {"row_limit", s.row_limit}};
}

void add_connection_routes(http::Router& router, app::App& app) {
  router.add("GET", "/api/database/defaults", [&app](const http::Request& req) {
    return http::Response::json(defaults_json(source_of(app, store_param(req))).dump());
  }, {"database", "The configured connection of a store's source (no password)", http::BodyKind::none,
      {{"store", "string", false, "data | monitoring | human_signals (default data)"}}});

  router.add("POST", "/api/database/connect", [&app](const http::Request& req) {
    const std::string store = store_param(req);
    const config::SourceSettings& source = source_of(app, store);
    const Body body = object_body(req);
    const std::string db_type = text_field(body, "db_type", false);
    if (!db_type.empty() && db_type != "postgres" && db_type != "postgresql") {
      throw http::HttpError(422, "Unsupported db_type '" + db_type + "'. Supported: postgres");
    }
    std::string password = text_field(body, "password", true);
    if (password == kMaskedPassword) password = config::configured_password(source);
    const std::string ssl_mode = text_field(body, "ssl_mode", false);
    const std::string info = database::conninfo(
        text_field(body, "host", true), static_cast<int>(int_field(body, "port", 5432, 1, 65535)),
        text_field(body, "database", true), text_field(body, "username", true), password,
        ssl_mode.empty() ? "require" : ssl_mode);
    std::string version;
    try {
      version = pg::PgConnection::connect(info)->server_version();
    } catch (const pg::PgError& e) {
      const std::string what = e.what();
      throw http::HttpError(400, what.find("password") != std::string::npos
                                     ? "Authentication failed: check the username and password"
                                     : "Could not connect: " + what);
    }
    const std::string handle = handles().add(info, store);
    return http::Response::json(json{{"success", true}, {"handle", handle},
                                     {"message", "Connected to PostgreSQL " + version},
                                     {"version", version}}.dump());
  }, {"database", "Connect to a PostgreSQL database; returns a handle valid 15 minutes",
      http::BodyKind::json, {{"store", "string", false, "data | monitoring | human_signals"}}});

  router.add("DELETE", "/api/database/{handle}", [](const http::Request& req) {
    const bool removed = handles().remove(req.param("handle"));
    return http::Response::json(json{{"success", true},
                                     {"message", removed ? "Disconnected" : "Handle was not open"}}.dump());
  }, {"database", "Close a connection handle"});

  router.add("GET", "/api/database/stats", [](const http::Request&) {
    return http::Response::json(json{{"active_handles", handles().live()},
                                     {"max_handles", database::HandleRegistry::kMaxHandles}}.dump());
  }, {"database", "Open connection handles"});
}

void add_read_routes(http::Router& router, app::App& app) {
  router.add("GET", "/api/database/{handle}/tables", [&app](const http::Request& req) {
    return with_connection(app, req, [&](pg::PgConnection& conn, int timeout) {
      return database::tables_json(conn, source_of(app, handles().get(req.param("handle")).store).tables, timeout);
    });
  }, {"database", "Tables and views of the connected database (the configured allowlist only)"});

  router.add("GET", "/api/database/{handle}/schema", [&app](const http::Request& req) {
    QueryParams params(req);
    database::TableRef t;
    t.name = params.required("table");
    t.schema = params.text("schema").value_or("public");
    params.check();
    return with_connection(app, req, [&](pg::PgConnection& conn, int timeout) {
      return database::schema_json(conn, t, timeout);
    });
  }, {"database", "Columns and sample values of a table", http::BodyKind::none,
      {{"table", "string", true, "Table name"}, {"schema", "string", false, "Schema (default public)"}}});

  router.add("POST", "/api/database/{handle}/distinct-values", [&app](const http::Request& req) {
    const Body body = object_body(req);
    const database::TableRef t = table_field(body);
    const std::string column = text_field(body, "column", true);
    const std::int64_t limit = int_field(body, "limit", 100, 1, 1000);
    return with_connection(app, req, [&](pg::PgConnection& conn, int timeout) {
      return database::distinct_values_json(conn, t, column, limit, timeout);
    });
  }, {"database", "Distinct values of a column", http::BodyKind::json});

  router.add("POST", "/api/database/{handle}/preview", [&app](const http::Request& req) {
    const Body body = object_body(req);
    const MappedTable m = mapped_table(body);
    const std::int64_t limit = int_field(body, "limit", 10, 1, 100);
    return with_connection(app, req, [&](pg::PgConnection& conn, int timeout) {
      return database::preview_json(conn, m.table, m.mappings, m.filters, limit, timeout);
    });
  }, {"database", "Preview mapped, filtered rows of a table", http::BodyKind::json});

  router.add("POST", "/api/database/{handle}/query", [&app](const http::Request& req) {
    const Body body = object_body(req);
    const std::string sql = text_field(body, "query", true);
    const std::int64_t limit = int_field(body, "limit", 10, 1, 100);
    return with_connection(app, req, [&](pg::PgConnection& conn, int timeout) {
      return database::query_json(conn, sql, limit, timeout);
    });
  }, {"database", "Run one read-only SELECT (first rows only)", http::BodyKind::json});
}

// Copies the rows `select_of(conn, timeout)` names into a CSV file and stores them as a dataset
// of the handle's store, answering like that store's upload route.
template <class F>
http::Response import_rows(app::App& app, const http::Request& req, const Body& body,
                           const std::string& name, F&& select_of) {
  const std::string handle_id = req.param("handle");
  if (auto in_body = text_field(body, "handle", false); !in_body.empty() && in_body != handle_id) {
    throw http::HttpError(400, "The body's handle does not match the URL's");
  }
  const database::Handle handle = handles().get(handle_id);
  const int configured = source_of(app, handle.store).query_timeout;
  const int timeout = configured > 0 ? configured : database::kStatementTimeoutSeconds;
  const util::ScopedPath file(app.spool_dir() + "/db-import-" + util::random_hex_id() + ".csv");
  std::int64_t rows = 0;
  try {
    auto conn = pg::PgConnection::connect(handle.conninfo);
    rows = database::copy_select_to_csv(*conn, select_of(*conn, timeout), file.path(), timeout);
  } catch (const pg::PgError& e) {
    if (e.cancelled()) throw http::HttpError(408, "Query timed out: " + std::string(e.what()));
    throw http::HttpError(400, e.what());
  }
  if (rows == 0) throw http::HttpError(400, "The query returned no rows; nothing was imported");
  return store_csv_reply(app, dataset_kind_of_store(handle.store),
                         ingest::inspect_csv(file.path(), csv_limits(app.settings().server)), name,
                         "database");
}

void add_import_routes(http::Router& router, app::App& app) {
  router.add("POST", "/api/database/{handle}/import", [&app](const http::Request& req) {
    const Body body = object_body(req);
    const MappedTable m = mapped_table(body);
    const std::int64_t limit = int_field(body, "limit", 10000, 1, 10000);
    const bool distinct = bool_field(body, "dedupe_on_id", true);
    return import_rows(app, req, body, m.table.schema + "." + m.table.name,
                       [&](pg::PgConnection& conn, int timeout) {
                         return database::import_select(conn, m.table, m.mappings, m.filters, limit,
                                                        distinct, timeout);
                       });
  }, {"database", "Import a table's mapped, filtered rows as a dataset of the handle's store",
      http::BodyKind::json});

  router.add("POST", "/api/database/{handle}/query-import", [&app](const http::Request& req) {
    const Body body = object_body(req);
    const std::string sql = text_field(body, "query", true);
    const std::int64_t limit = int_field(body, "limit", 10000, 1, 50000);
    const bool distinct = bool_field(body, "dedupe_on_id", false);
    database::query_import_select(sql, limit, distinct);  // 422 before connecting
    return import_rows(app, req, body, "Database query", [&](pg::PgConnection&, int) {
      return database::query_import_select(sql, limit, distinct);
    });
  }, {"database", "Import the rows of one read-only SELECT as a dataset of the handle's store",
      http::BodyKind::json});
}

}  // namespace

void register_database_routes(http::Router& router, app::App& app) {
  add_connection_routes(router, app);
  add_read_routes(router, app);
  add_import_routes(router, app);
}

}  // namespace axis::api
