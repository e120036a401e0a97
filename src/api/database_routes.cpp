// /api/database: the database import wizard's reads from a PostgreSQL source (spec api.md
// `database`): defaults, connect (a handle), tables, schema, distinct values, preview, the
// user's own SELECT, disconnect and stats. Passwords stay on the server: the defaults say only
// whether one is configured, and "********" at connect means "use the configured one".
#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/dataset_replies.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "api/source_replies.h"
#include "config/connection_parts.h"
#include "database/database_service.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/http_error.h"
#include "util/scoped_path.h"

namespace axis::api {
namespace {

using nlohmann::json;

std::string store_param(const http::Request& req) {
  return req.query_param("store").value_or("data");
}

database::TableRef table_of(BodyFields& fields) {
  BodyFields table = fields.object("table", true);
  database::TableRef t;
  t.name = table.text("name", 0);
  if (auto schema = table.optional_text("schema_name"); schema && !schema->empty()) t.schema = *schema;
  return t;
}

database::MappedTable mapped_table(BodyFields& fields) {
  database::MappedTable out{table_of(fields), {}, {}};
  if (const BodyJson* list = fields.list("mappings", false)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      BodyFields m = fields.item("mappings", (*list)[i], i);
      out.mappings.push_back({m.text("source", 0), m.optional_text("target").value_or("")});
    }
  }
  if (const BodyJson* list = fields.list("filters", false)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      BodyFields f = fields.item("filters", (*list)[i], i);
      out.filters.push_back({f.text("column", 0), f.text("value", 0)});
    }
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
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    database::ConnectRequest request;
    request.db_type = fields.optional_text("db_type").value_or("");
    request.password = fields.text("password", 0);
    request.ssl_mode = fields.optional_text("ssl_mode").value_or("");
    request.host = fields.text("host");
    request.port = static_cast<int>(fields.integer("port", 5432, 1, 65535));
    request.database = fields.text("database");
    request.username = fields.text("username");
    fields.check();
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
    return http::Response::json(tables_reply(database.tables(req.param("handle"))));
  }, {"database", "Tables and views of the connected database (the configured allowlist only)",
      http::BodyKind::none, {}, "DbTablesReply"});

  router.add("GET", "/api/database/{handle}/schema", [&database](const http::Request& req) {
    QueryParams params(req);
    database::TableRef t;
    t.name = params.required("table");
    t.schema = params.text("schema").value_or("public");
    params.check();
    return http::Response::json(schema_reply(database.schema(req.param("handle"), t)));
  }, {"database", "Columns and sample values of a table", http::BodyKind::none,
      {{"table", "string", true, "Table name"}, {"schema", "string", false, "Schema (default public)"}},
      "DbSchemaReply"});

  router.add("POST", "/api/database/{handle}/distinct-values", [&database](const http::Request& req) {
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    const database::TableRef t = table_of(fields);
    const std::string column = fields.text("column", 0);
    const std::int64_t limit = fields.integer("limit", 100, 1, 1000);
    fields.check();
    return http::Response::json(
        values_reply(database.distinct_values(req.param("handle"), t, column, limit)));
  }, {"database", "Distinct values of a column", http::BodyKind::json, {}, "DbDistinctValuesReply"});

  router.add("POST", "/api/database/{handle}/preview", [&database](const http::Request& req) {
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    const database::MappedTable m = mapped_table(fields);
    const std::int64_t limit = fields.integer("limit", 10, 1, 100);
    fields.check();
    return http::Response::json(rows_reply(database.preview(req.param("handle"), m, limit)));
  }, {"database", "Preview mapped, filtered rows of a table", http::BodyKind::json, {},
      "DbRowsReply"});

  router.add("POST", "/api/database/{handle}/query", [&database](const http::Request& req) {
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    const std::string sql = fields.text("query", 0);
    const std::int64_t limit = fields.integer("limit", 10, 1, 100);
    fields.check();
    return http::Response::json(rows_reply(database.query(req.param("handle"), sql, limit)));
  }, {"database", "Run one read-only SELECT (first rows only)", http::BodyKind::json, {},
      "DbRowsReply"});
}

// The handle of the URL, checked against the body's when it names one.
std::string handle_of(const http::Request& req, BodyFields& fields) {
  std::string handle = req.param("handle");
  if (auto in_body = fields.optional_text("handle").value_or(""); !in_body.empty() && in_body != handle) {
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
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    const database::MappedTable m = mapped_table(fields);
    const std::int64_t limit = fields.integer("limit", 10000, 1, 10000);
    const bool distinct = fields.boolean("dedupe_on_id", true);
    const std::string handle = handle_of(req, fields);
    fields.check();
    const util::ScopedPath file = import_spool_file(intake);
    const auto spooled = database.import_table(handle, m, limit, distinct, file.path());
    return store_import(intake, file, spooled, m.table.schema + "." + m.table.name);
  }, {"database", "Import a table's mapped, filtered rows as a dataset of the handle's store",
      http::BodyKind::json, {}, "DatasetImportReply"});

  router.add("POST", "/api/database/{handle}/query-import", [&database, intake](const http::Request& req) {
    const BodyJson body = http::parse_json_body(req);
    BodyFields fields(body);
    const std::string sql = fields.text("query", 0);
    const std::int64_t limit = fields.integer("limit", 10000, 1, 50000);
    const bool distinct = fields.boolean("dedupe_on_id", false);
    const std::string handle = handle_of(req, fields);
    fields.check();
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
