#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/dataset_replies.h"
#include "api/query_params.h"
#include "api/routes.h"
#include "api/source_db_config.h"
#include "datasets/rows.h"
#include "http/multipart.h"
#include "http/router.h"
#include "signals/signals_service.h"

namespace axis::api {
namespace {

using nlohmann::json;

}  // namespace

void register_human_signals_routes(http::Router& router, const IntakeServices& intake) {
  router.add("POST", "/api/human-signals/upload", [intake](const http::Request& req) {
    auto form = http::parse_multipart(req, intake.spool_dir);
    const CsvUpload upload = csv_upload(*form, csv_limits(intake.settings.server));
    return store_csv_reply(intake, DatasetKind::human_signals, upload.file, upload.name, "upload");
  }, {"human-signals", "Upload a human-signals CSV (one row per case and metric); stored as a dataset",
      http::BodyKind::multipart, {}, "SignalsReply"});

  router.add("GET", "/api/human-signals/example/{name}", [intake](const http::Request& req) {
    const auto view = signals::SignalsService(*intake.catalog, intake.settings)
                          .example(*intake.examples, req.param("name"), intake.examples_dir);
    return http::Response::json(hs_reply(*intake.catalog, view, 0, datasets::reply_rows(view.cases, kMaxRowsInReply), json::object()));
  }, {"human-signals", "Load the bundled human-signals example (hitl)", http::BodyKind::none,
      {}, "SignalsReply"});

  router.add("GET", "/api/human-signals/db-config", [intake](const http::Request&) {
    return http::Response::json(source_db_config_json(intake.settings.human_signals_db).dump());
  }, {"human-signals", "The human-signals database settings (no secrets)", http::BodyKind::none,
      {}, "SourceDbConfigReply"});

  router.add("GET", "/api/human-signals/cases", [intake](const http::Request& req) {
    const std::int64_t page = int_param(req, "page", 1, 1, 1'000'000'000);
    const std::int64_t size = int_param(req, "page_size", 50, 1, 500);
    const auto view = signals::SignalsService(*intake.catalog, intake.settings)
                          .view(req.query_param("dataset_id").value_or(""));
    return http::Response::json(
        hs_reply(*intake.catalog, view, (page - 1) * size, size, {{"page", page}, {"page_size", size}}));
  }, {"human-signals", "A page of a human-signals dataset's cases (newest dataset by default)",
      http::BodyKind::none,
      {{"dataset_id", "string", false, "default: the newest human-signals dataset"},
       {"page", "integer", false, "1-based page"},
       {"page_size", "integer", false, "1..500 (50)"}},
      "SignalsCasesReply"});

  router.add("GET", "/api/human-signals/metric-schema", [intake](const http::Request& req) {
    std::optional<std::string> source = req.query_param("source_name");
    if (source && source->empty()) source.reset();
    const auto view = signals::SignalsService(*intake.catalog, intake.settings)
                          .view(req.query_param("dataset_id").value_or(""), source);
    std::string out = json{{"success", true}, {"dataset_id", view.dataset.id},
                           {"warnings", view.warnings},
                           {"kpi_source_name", view.kpi_source ? json(*view.kpi_source)
                                                               : json(nullptr)}}.dump();
    out.pop_back();
    append_json_member(out, "metric_schema", view.metric_schema);
    append_json_member(out, "display_config", view.display_config);
    append_json_member(out, "kpis", view.kpis);
    return http::Response::json(out + "}");
  }, {"human-signals", "The metric schema, display config and KPI figures of a human-signals dataset",
      http::BodyKind::none,
      {{"dataset_id", "string", false, "default: the newest human-signals dataset"},
       {"source_name", "string", false, "KPI figures over this source's cases only"}},
      "MetricSchemaReply"});
}

}  // namespace axis::api
