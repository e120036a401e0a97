// /api/database: the database import wizard's reads from a PostgreSQL source (spec api.md
// `database`): defaults, connect (a handle), tables, schema, distinct values, preview, the
// user's own SELECT, disconnect and stats. Passwords stay on the server: the defaults say only
// whether one is configured, and "********" at connect means "use the configured one".
#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/dataset_replies.h"
#include "api/evaluation_params.h"
#include "api/routes.h"
#include "config/connection_parts.h"
#include "database/database_service.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/http_error.h"
#include "util/scoped_path.h"

namespace axis::api {
namespace {

using nlohmann::json;
using Body = nlohmann::ordered_json;

Body object_body(const http::Request& req) {
  Body body = http::parse_json_body(req);
  if (!body.is_object()) throw util::HttpError(422, "The body must be a JSON object");
  return body;
}

std::string store_param(const http::Request& req) {
  return req.query_param("store").value_or("data");
}

std::string text_field(const Body& body, const char* key, bool required) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) throw util::HttpError(422, std::string("Field '") + key + "' is required");
    return "";
  }
  if (!it->is_string()) throw util::HttpError(422, std::string("Field '") + key + "' must be a string");
  return it->get<std::string>();
}

std::int64_t int_field(const Body& body, const char* key, std::int64_t fallback, std::int64_t lo,
                       std::int64_t hi) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() || *it < lo || *it > hi) {
    throw util::HttpError(422, std::string("Field '") + key + "' must be a whole number from " +
                                   std::to_string(lo) + " to " + std::to_string(hi));
  }
  return it->get<std::int64_t>();
}

bool bool_field(const Body& body, const char* key, bool fallback) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) throw util::HttpError(422, std::string("Field '") + key + "' must be true or false");
  return it->get<bool>();
}

database::TableRef table_field(const Body& body) {
  auto it = body.find("table");
  if (it == body.end() || !it->is_object()) throw util::HttpError(422, "Field 'table' is required");
  database::TableRef t;
  t.name = text_field(*it, "name", true);
  if (auto schema = text_field(*it, "schema_name", false); !schema.empty()) t.schema = schema;
  return t;
}

database::MappedTable mapped_table(const Body& body) {
  database::MappedTable out{table_field(body), {}, {}};
  for (const auto& m : body.value("mappings", Body::array())) {
    if (!m.is_object()) throw util::HttpError(422, "Each mapping is {source, target}");
    out.mappings.push_back({text_field(m, "source", true), text_field(m, "target", false)});
  }
  for (const auto& f : body.value("filters", Body::array())) {
    if (!f.is_object()) throw util::HttpError(422, "Each filter is {column, value}");
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

void add_connection_routes(http::Router& router, database::DatabaseService& database) {
  router.add("GET", "/api/database/defaults", [&database](const http::Request& req) {
    return http::Response::json(defaults_json(database.source(store_param(req))).dump());
  }, {"database", "The configured connection of a store's source (no password)", http::BodyKind::none,
      {{"store", "string", false, "data | monitoring | human_signals (default data)"}},
      "DbDefaultsReply"});

  router.add("POST", "/api/database/connect", [&database](const http::Request& req) {
    const std::string store = store_param(req);
    database.source(store);  // an unknown store is refused before the body is read
    const Body body = object_body(req);
    database::ConnectRequest request;
    request.db_type = text_field(body, "db_type", false);
    request.password = text_field(body, "password", true);
    request.ssl_mode = text_field(body, "ssl_mode", false);
    request.host = text_field(body, "host", true);
    request.port = static_cast<int>(int_field(body, "port", 5432, 1, 65535));
    request.database = text_field(body, "database", true);
    request.username = text_field(body, "username", true);
    const database::Connected c = database.connect(store, std::move(request));
    return http::Response::json(json{{"success", true}, {"handle", c.handle},
                                     {"message", "Connected to PostgreSQL " + c.version},
                                     {"version", c.version}}.dump());
  }, {"database", "Connect to a PostgreSQL database; returns a handle valid 15 minutes",
      http::BodyKind::json, {{"store", "string", false, "data | monitoring | human_signals"}},
      "DbConnectReply"});

  router.add("DELETE", "/api/database/{handle}", [&database](const http::Request& req) {
    const bool removed = database.disconnect(req.param("handle"));
    return http::Response::json(json{{"success", true},
                                     {"message", removed ? "Disconnected" : "Handle was not open"}}.dump());
  }, {"database", "Close a connection handle", http::BodyKind::none, {}, "MessageReply"});

  router.add("GET", "/api/database/stats", [&database](const http::Request&) {
    return http::Response::json(json{{"active_handles", database.live_handles()},
                                     {"max_handles", database::HandleRegistry::kMaxHandles}}.dump());
  }, {"database", "Open connection handles", http::BodyKind::none, {}, "DbStatsReply"});
}

void add_read_routes(http::Router& router, database::DatabaseService& database) {
  router.add("GET", "/api/database/{handle}/tables", [&database](const http::Request& req) {
    return http::Response::json(database.tables(req.param("handle")));
  }, {"database", "Tables and views of the connected database (the configured allowlist only)",
      http::BodyKind::none, {}, "DbTablesReply"});

  router.add("GET", "/api/database/{handle}/schema", [&database](const http::Request& req) {
    QueryParams params(req);
    database::TableRef t;
    t.name = params.required("table");
    t.schema = params.text("schema").value_or("public");
    params.check();
    return http::Response::json(database.schema(req.param("handle"), t));
  }, {"database", "Columns and sample values of a table", http::BodyKind::none,
      {{"table", "string", true, "Table name"}, {"schema", "string", false, "Schema (default public)"}},
      "DbSchemaReply"});

  router.add("POST", "/api/database/{handle}/distinct-values", [&database](const http::Request& req) {
    const Body body = object_body(req);
    const database::TableRef t = table_field(body);
    const std::string column = text_field(body, "column", true);
    const std::int64_t limit = int_field(body, "limit", 100, 1, 1000);
    return http::Response::json(database.distinct_values(req.param("handle"), t, column, limit));
  }, {"database", "Distinct values of a column", http::BodyKind::json, {}, "DbDistinctValuesReply"});

  router.add("POST", "/api/database/{handle}/preview", [&database](const http::Request& req) {
    const Body body = object_body(req);
    const database::MappedTable m = mapped_table(body);
    const std::int64_t limit = int_field(body, "limit", 10, 1, 100);
    return http::Response::json(database.preview(req.param("handle"), m, limit));
  }, {"database", "Preview mapped, filtered rows of a table", http::BodyKind::json, {},
      "DbRowsReply"});

  router.add("POST", "/api/database/{handle}/query", [&database](const http::Request& req) {
    const Body body = object_body(req);
    const std::string sql = text_field(body, "query", true);
    const std::int64_t limit = int_field(body, "limit", 10, 1, 100);
    return http::Response::json(database.query(req.param("handle"), sql, limit));
  }, {"database", "Run one read-only SELECT (first rows only)", http::BodyKind::json, {},
      "DbRowsReply"});
}

// The handle of the URL, checked against the body's when it names one.
std::string handle_of(const http::Request& req, const Body& body) {
  std::string handle = req.param("handle");
  if (auto in_body = text_field(body, "handle", false); !in_body.empty() && in_body != handle) {
    throw util::HttpError(400, "The body's handle does not match the URL's");
  }
  return handle;
}

// The imported rows at `file` stored as a dataset of the handle's store, answered like that
// store's upload route.
http::Response store_import(const IntakeServices& intake, const util::ScopedPath& file,
                            const database::SpooledRows& spooled, const std::string& name) {
  return store_csv_reply(intake, dataset_kind_of_store(spooled.store),
                         ingest::inspect_csv(file.path(), csv_limits(intake.settings.server)), name,
                         "database");
}

void add_import_routes(http::Router& router, database::DatabaseService& database,
                       const IntakeServices& intake) {
  router.add("POST", "/api/database/{handle}/import", [&database, intake](const http::Request& req) {
    const Body body = object_body(req);
    const database::MappedTable m = mapped_table(body);
    const std::int64_t limit = int_field(body, "limit", 10000, 1, 10000);
    const bool distinct = bool_field(body, "dedupe_on_id", true);
    const std::string handle = handle_of(req, body);
    const util::ScopedPath file = import_spool_file(intake);
    const auto spooled = database.import_table(handle, m, limit, distinct, file.path());
    return store_import(intake, file, spooled, m.table.schema + "." + m.table.name);
  }, {"database", "Import a table's mapped, filtered rows as a dataset of the handle's store",
      http::BodyKind::json, {}, "DatasetImportReply"});

  router.add("POST", "/api/database/{handle}/query-import", [&database, intake](const http::Request& req) {
    const Body body = object_body(req);
    const std::string sql = text_field(body, "query", true);
    const std::int64_t limit = int_field(body, "limit", 10000, 1, 50000);
    const bool distinct = bool_field(body, "dedupe_on_id", false);
    const std::string handle = handle_of(req, body);
    const util::ScopedPath file = import_spool_file(intake);
    const auto spooled = database.import_query(handle, sql, limit, distinct, file.path());
    return store_import(intake, file, spooled, "Database query");
  }, {"database", "Import the rows of one read-only SELECT as a dataset of the handle's store",
      http::BodyKind::json, {}, "DatasetImportReply"});
}

}  // namespace

void register_database_routes(http::Router& router, database::DatabaseService& database,
                       const IntakeServices& intake) {
  add_connection_routes(router, database);
  add_read_routes(router, database);
  add_import_routes(router, database, intake);
}

}  // namespace axis::api
