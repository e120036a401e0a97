// /api/monitoring: monitoring CSV uploads, the bundled monitoring example and the monitoring
// source's settings.
#include <nlohmann/json.hpp>

#include <filesystem>

#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/dataset_replies.h"
#include "api/monitoring_replies.h"
#include "api/routes.h"
#include "api/source_db_config.h"
#include "http/multipart.h"
#include "http/router.h"
#include "ingest/example_store.h"
#include "monitoring/monitoring_columns.h"
#include "monitoring/monitoring_config.h"
#include "monitoring/monitoring_loader.h"
#include "uploads/upload_service.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using nlohmann::json;
constexpr const char* kExampleSource = "example:monitoring";

// The example is stored on first use; later requests return the stored dataset.
monitoring::LoadResult load_example(const IntakeServices& intake, const std::string& name) {
  const std::string path = intake.examples_dir + "/monitoring_example.csv";
  if (name != "monitoring" || !std::filesystem::is_regular_file(path)) {
    throw util::HttpError(404, "Dataset not found. Available: ['monitoring']");
  }
  return intake.examples->stored<monitoring::LoadResult>(
      kExampleSource,
      [](const datasets::DatasetInfo& existing) {
        return monitoring::LoadResult{existing, monitoring::metric_columns(existing),
                                      monitoring::processed_message(existing.row_count), {}};
      },
      [&] {
        return monitoring::MonitoringLoader(*intake.catalog)
            .load({ingest::inspect_csv(path, ingest::CsvLimits{}), "Monitoring example",
                   kExampleSource, {}});
      });
}

// The shared source reply plus the thresholds and anomaly rules.
json db_config_json(const config::SourceSettings& s) {
  const monitoring::MonitoringConfig config = monitoring::parse_monitoring_config(s);
  json out = source_db_config_json(s);
  out["thresholds"] = thresholds_json(config);
  out["anomaly_detection"] = anomaly_detection_json(config.anomaly_detection);
  return out;
}

}  // namespace

void register_monitoring_routes(http::Router& router, const IntakeServices& intake) {
  router.add("POST", "/api/monitoring/upload", [intake](const http::Request& req) {
    auto form = http::parse_multipart(req, intake.spool_dir);
    const CsvUpload upload = csv_upload(*form, csv_limits(intake.settings.server));
    return store_csv_reply(intake, DatasetKind::monitoring, upload.file, upload.name, "upload");
  }, {"monitoring", "Upload a monitoring CSV; it is stored as a monitoring dataset",
      http::BodyKind::multipart, {}, "MonitoringUploadReply"});

  router.add("GET", "/api/monitoring/example/{name}", [intake](const http::Request& req) {
    const auto loaded = load_example(intake, req.param("name"));
    intake.uploads->warm_monitoring_later(loaded.dataset.id);
    return monitoring_reply(*intake.catalog, loaded);
  }, {"monitoring", "Load the bundled monitoring example (name: monitoring)",
      http::BodyKind::none, {}, "MonitoringUploadReply"});

  router.add("GET", "/api/monitoring/db-config", [intake](const http::Request&) {
    return http::Response::json(db_config_json(intake.settings.monitoring_db).dump());
  }, {"monitoring", "The monitoring database settings, thresholds and anomaly rules (no secrets)",
      http::BodyKind::none, {}, "MonitoringDbConfigReply"});
}

}  // namespace axis::api
