#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/dataset_replies.h"
#include "api/request_fields.h"
#include "api/signals_params.h"
#include "api/routes.h"
#include "api/source_db_config.h"
#include "datasets/rows.h"
#include "http/multipart.h"
#include "http/router.h"
#include "signals/case_service.h"
#include "signals/signals_service.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using nlohmann::json;

using Ordered = nlohmann::ordered_json;

Ordered figures_json(const signals::CaseFigures& f) {
  Ordered distributions = Ordered::object();
  for (const auto& [key, rows] : f.distributions) {
    Ordered list = Ordered::array();
    for (const auto& r : rows) list.push_back({{"name", r.name}, {"count", r.count}, {"rate", r.rate}});
    distributions[key] = std::move(list);
  }
  Ordered rates = Ordered::object();
  for (const auto& [key, r] : f.rates) {
    rates[key] = {{"count", r.count}, {"total", r.total}, {"rate", r.rate}};
  }
  return {{"success", true}, {"dataset_id", f.dataset_id}, {"total", f.total},
          {"all_cases", f.all_cases}, {"distributions", distributions}, {"rates", rates}};
}

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

  auto cases_docs = case_view_docs(true);
  cases_docs.push_back({"page", "integer", false, "1-based page"});
  cases_docs.push_back({"page_size", "integer", false, "1..500 (50)"});
  router.add("GET", "/api/human-signals/cases", [intake](const http::Request& req) {
    QueryParams params(req);
    const std::int64_t page = params.integer("page", 1, 1, 1'000'000'000);
    const std::int64_t size = params.integer("page_size", 50, 1, 500);
    const auto selection = case_selection(req, params, intake.settings.agents);
    const auto sort = case_sort(params);
    params.check();
    const auto view = signals::SignalsService(*intake.catalog, intake.settings)
                          .view(params.text("dataset_id").value_or(""));
    const auto cases = signals::CaseService(*intake.catalog, intake.settings)
                           .page(view.cases, selection, sort, (page - 1) * size, size);
    return http::Response::json(
        hs_reply(view, cases.data, page > 1 || cases.total > size,
                 {{"page", page}, {"page_size", size}, {"total", cases.total}}));
  }, {"human-signals", "A page of a human-signals dataset's cases (newest dataset by default), "
      "filtered, searched and sorted; total counts the matching cases", http::BodyKind::none,
      cases_docs, "SignalsCasesReply"});

  router.add("GET", "/api/human-signals/figures", [intake](const http::Request& req) {
    QueryParams params(req);
    const auto selection = case_selection(req, params, intake.settings.agents);
    params.check();
    const auto figures = signals::CaseService(*intake.catalog, intake.settings)
                             .figures(params.text("dataset_id").value_or(""), selection);
    return http::Response::json(util::json_text(figures_json(figures)));
  }, {"human-signals", "Every chart's figures (value counts, rates) over the matching cases",
      http::BodyKind::none, case_view_docs(false), "SignalsFiguresReply"});

  router.add("GET", "/api/human-signals/trends", [intake](const http::Request& req) {
    QueryParams params(req);
    const auto selection = case_selection(req, params, intake.settings.agents);
    params.check();
    const auto trends = signals::CaseService(*intake.catalog, intake.settings)
                            .trends(params.text("dataset_id").value_or(""), selection);
    std::string out = json{{"success", true}, {"dataset_id", trends.dataset_id},
                           {"granularity", "weekly"}}.dump();
    out.pop_back();
    append_json_member(out, "weeks", trends.figures.weeks);
    append_json_member(out, "cases", trends.figures.cases);
    append_json_member(out, "series", trends.figures.series);
    return http::Response::json(out + "}");
  }, {"human-signals", "Every KPI strip figure per week (Monday-based, UTC, from the cases' "
      "Timestamp) over the matching cases; undated cases are left out", http::BodyKind::none,
      case_view_docs(false), "SignalsTrendsReply"});

  router.add("GET", "/api/human-signals/filter-options", [intake](const http::Request& req) {
    QueryParams params(req);
    const std::string id = params.text("dataset_id").value_or("");
    params.check();
    const auto found = signals::CaseService(*intake.catalog, intake.settings).filter_options(id);
    Ordered options = Ordered::object();
    for (const auto& [key, values] : found.options) options[key] = Ordered::parse(values);
    return http::Response::json(util::json_text(
        {{"success", true}, {"dataset_id", found.dataset_id}, {"options", options}}));
  }, {"human-signals", "The values each filter of the layout offers, over all cases",
      http::BodyKind::none,
      {{"dataset_id", "string", false, "default: the newest human-signals dataset"}},
      "SignalsFilterOptionsReply"});

  router.add("GET", "/api/human-signals/metric-schema", [intake](const http::Request& req) {
    QueryParams params(req);
    signals::KpiScope scope{params.text("source_name"), params.text("time_start"),
                            params.text("time_end")};
    const std::string dataset_id = params.text("dataset_id").value_or("");
    const auto view = signals::SignalsService(*intake.catalog, intake.settings).view(dataset_id, scope);
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
       {"source_name", "string", false,
        "KPI figures over this source's cases only (a registered agent: all its names)"},
       {"time_start", "string", false, "KPI figures over the cases from this time on (Timestamp)"},
       {"time_end", "string", false, "KPI figures over the cases up to this time (inclusive)"}},
      "MetricSchemaReply"});
}

}  // namespace axis::api
