// POST /api/data/eval-db-import, /api/monitoring/db-import, /api/human-signals/db-import: the
// configured source's queries (each LIMIT row_limit, results joined to their dataset rows) are
// copied by the database service to a spool file within the source's query_timeout, and stored
// as a dataset answering like the upload route.
#include "api/csv_upload.h"
#include "api/dataset_replies.h"
#include "api/routes.h"
#include "database/database_service.h"
#include "http/router.h"

namespace axis::api {
namespace {

http::Response import_source(database::DatabaseService& database, const IntakeServices& intake,
                             const config::SourceSettings& source, DatasetKind kind) {
  const util::ScopedPath file = import_spool_file(intake);
  // Monitoring imports are renamed by their loader (aliases, the columns map) instead.
  database.import_source(source, kind != DatasetKind::monitoring, file.path());
  return store_csv_reply(intake, kind, ingest::inspect_csv(file.path(), csv_limits(intake.settings.server)),
                         source.name + " import", "database");
}

}  // namespace

void register_db_import_routes(http::Router& router, database::DatabaseService& database,
                               const IntakeServices& intake) {
  router.add("POST", "/api/data/eval-db-import", [&database, intake](const http::Request&) {
    return import_source(database, intake, intake.settings.eval_db, DatasetKind::evaluation);
  }, {"data", "Import eval_db's queries (LIMIT row_limit) as an evaluation dataset",
      http::BodyKind::none, {}, "UploadReply"});
  router.add("POST", "/api/monitoring/db-import", [&database, intake](const http::Request&) {
    return import_source(database, intake, intake.settings.monitoring_db, DatasetKind::monitoring);
  }, {"monitoring", "Import monitoring_db's queries (LIMIT row_limit) as a monitoring dataset",
      http::BodyKind::none, {}, "MonitoringUploadReply"});
  router.add("POST", "/api/human-signals/db-import", [&database, intake](const http::Request&) {
    return import_source(database, intake, intake.settings.human_signals_db, DatasetKind::human_signals);
  }, {"human-signals", "Import human_signals_db's queries (LIMIT row_limit) as a human-signals dataset",
      http::BodyKind::none, {}, "SignalsReply"});
}

}  // namespace axis::api
