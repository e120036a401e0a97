// POST /api/data/eval-db-import, /api/monitoring/db-import and /api/human-signals/db-import:
// one-off imports of a configured source's queries (spec api.md): each query is read with
// LIMIT row_limit, the results left-joined to the dataset rows on dataset_id, read-only with
// the source's query_timeout, and stored as a dataset answering like the upload route.
#include "api/csv_upload.h"
#include "api/dataset_replies.h"
#include "api/routes.h"
#include "app/app.h"
#include "database/source_browser.h"
#include "http/http_error.h"
#include "http/router.h"
#include "monitoring/monitoring_columns.h"
#include "pg/pg_connection.h"
#include "util/random_id.h"
#include "util/scoped_path.h"
#include "util/text.h"

namespace axis::api {
namespace {



// The source's rows: the results joined to their dataset rows (or whichever query is set).
std::string source_select(const config::SourceSettings& s) {
  const std::string limit = " LIMIT " + std::to_string(s.row_limit);
  auto limited = [&](const std::string& q) { return "SELECT * FROM (" + std::string(util::without_trailing_semicolons(q)) + ") AS subq" + limit; };
  if (util::is_blank(s.results_query)) return limited(s.dataset_query);
  if (util::is_blank(s.dataset_query)) return limited(s.results_query);
  return "SELECT * FROM (" + limited(s.results_query) + ") AS r LEFT JOIN (" +
         limited(s.dataset_query) + ") AS d USING (dataset_id)";
}

// `select` with its columns renamed by the source's `columns` map (a key matches a column's
// name as written or normalised). Monitoring imports are renamed by their loader instead.
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

http::Response import_source(app::App& app, const config::SourceSettings& source, DatasetKind kind) {
  if (!source.configured() || (util::is_blank(source.dataset_query) && util::is_blank(source.results_query))) {
    throw http::HttpError(400, source.name + " is not configured: enable it and set its connection "
                                             "and dataset_query/results_query");
  }
  const util::ScopedPath file(app.spool_dir() + "/db-import-" + util::random_hex_id() + ".csv");
  const std::string& path = file.path();
  std::int64_t rows = 0;
  try {
    auto conn = pg::PgConnection::connect(config::connection_url(source));
    const std::string select = kind == DatasetKind::monitoring
                                   ? source_select(source)
                                   : renamed_select(*conn, source_select(source), source);
    rows = database::copy_select_to_csv(*conn, select, path, source.query_timeout);
  } catch (const pg::PgError& e) {
    if (e.cancelled()) throw http::HttpError(408, "Import timed out after " + std::to_string(source.query_timeout) + " s");
    throw http::HttpError(500, "Import failed: " + std::string(e.what()));
  }
  if (rows == 0) throw http::HttpError(400, "No rows returned from " + source.name);
  return store_csv_reply(app, kind, ingest::inspect_csv(path, csv_limits(app.settings().server)),
                         source.name + " import", "database");
}

}  // namespace

void register_db_import_routes(http::Router& router, app::App& app) {
  router.add("POST", "/api/data/eval-db-import", [&app](const http::Request&) {
    return import_source(app, app.settings().eval_db, DatasetKind::evaluation);
  }, {"data", "Import eval_db's queries (LIMIT row_limit) as an evaluation dataset"});
  router.add("POST", "/api/monitoring/db-import", [&app](const http::Request&) {
    return import_source(app, app.settings().monitoring_db, DatasetKind::monitoring);
  }, {"monitoring", "Import monitoring_db's queries (LIMIT row_limit) as a monitoring dataset"});
  router.add("POST", "/api/human-signals/db-import", [&app](const http::Request&) {
    return import_source(app, app.settings().human_signals_db, DatasetKind::human_signals);
  }, {"human-signals", "Import human_signals_db's queries (LIMIT row_limit) as a human-signals dataset"});
}

}  // namespace axis::api
