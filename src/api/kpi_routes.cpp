// /api/kpi: KPI uploads and examples, and the category, trend and filter views.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>

#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/dataset_replies.h"
#include "api/request_fields.h"
#include "api/monitoring_params.h"
#include "api/routes.h"
#include "http/multipart.h"
#include "http/router.h"
#include "config/agent_match.h"
#include "config/settings.h"
#include "kpi/kpi_loader.h"
#include "kpi/kpi_service.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;

kpi::KpiFilters filters_of(const http::Request& req, const std::vector<config::AgentEntry>& agents) {
  QueryParams params(req);
  kpi::KpiFilters f;
  f.dataset_id = params.text("dataset_id").value_or("");
  f.source_name = params.text("source_name");
  f.source_values = config::resolve_source_name(agents, f.source_name);
  f.kpi_category = params.text("kpi_category");
  f.environment = params.text("environment");
  f.source_type = params.text("source_type");
  f.segment = params.text("segment");
  f.time_start = params.text("time_start");
  f.time_end = params.text("time_end");
  f.kpi_names = comma_list(params.text("kpi_names").value_or(""));
  params.check();
  return f;
}

Json card_json(const kpi::KpiCard& c) {
  Json spark = Json::array();
  for (const auto& p : c.sparkline) spark.push_back({{"date", p.date}, {"value", p.value}});
  return {{"kpi_name", c.kpi_name}, {"display_name", c.display_name},
          {"current_value", c.current_value}, {"card_display_value", c.card_display_value},
          {"trend_direction", c.trend_direction}, {"polarity", c.polarity},
          {"sparkline", spark}, {"unit", c.unit}, {"record_count", c.record_count}};
}

Json chart_json(const kpi::CompositionChart& c) {
  Json kpis = Json::array();
  for (const auto& k : c.kpis) {
    kpis.push_back({{"kpi_name", k.kpi_name}, {"label", k.label}, {"color", k.color}});
  }
  return {{"title", c.title}, {"kpis", kpis}, {"show_remainder", c.show_remainder},
          {"remainder_label", c.remainder_label}, {"remainder_color", c.remainder_color}};
}

const std::vector<http::QueryParamDoc>& filter_docs() {
  static const std::vector<http::QueryParamDoc> docs = {
      {"dataset_id", "string", false, "KPI dataset id (default: the newest KPI dataset)"},
      {"source_name", "string", false, "Only this source (agent); applies its display options"},
      {"kpi_category", "string", false, "Only this category"},
      {"environment", "string", false, "Only this environment"},
      {"source_type", "string", false, "Only this source type"},
      {"segment", "string", false, "Only this segment"},
      {"time_start", "string", false, "From this time (ISO 8601; no zone = UTC)"},
      {"time_end", "string", false, "Up to this time (a bare date includes that whole day)"},
      {"kpi_names", "string", false, "Comma-separated KPIs (default: the visible KPIs)"}};
  return docs;
}

}  // namespace

void register_kpi_routes(http::Router& router, const IntakeServices& intake) {
  auto config = std::make_shared<const kpi::KpiConfig>(kpi::kpi_config_from(intake.settings.kpi_db));

  router.add("POST", "/api/kpi/upload", [intake](const http::Request& req) {
    auto form = http::parse_multipart(req, intake.spool_dir);
    CsvUpload upload = csv_upload(*form, csv_limits(intake.settings.server));
    auto result = kpi::load_kpi_csv(*intake.catalog, {std::move(upload.file), upload.name, "upload"});
    return http::Response::json(
        upload_reply(*intake.catalog, result.dataset, result.message, kMaxRowsInReply));
  }, {"kpi", "Upload a KPI CSV (kpi_data columns); it is stored as a KPI dataset",
      http::BodyKind::multipart, {}, "UploadReply"});

  router.add("GET", "/api/kpi/example/{name}", [intake](const http::Request& req) {
    auto loaded = kpi::load_kpi_example(*intake.examples, intake.examples_dir, req.param("name"));
    return http::Response::json(
        upload_reply(*intake.catalog, loaded.dataset, loaded.message, kMaxRowsInReply));
  }, {"kpi", "Load the bundled KPI example (kpi) once and return it", http::BodyKind::none, {},
      "UploadReply"});

  router.add("GET", "/api/kpi/categories", [intake, config](const http::Request& req) {
    const auto result = kpi::KpiService(*intake.catalog, *config).categories(filters_of(req, intake.settings.agents));
    Json panels = Json::array();
    for (const auto& p : result.panels) {
      Json cards = Json::array();
      for (const auto& c : p.kpis) cards.push_back(card_json(c));
      panels.push_back({{"category", p.category}, {"display_name", p.display_name},
                        {"icon", p.icon}, {"kpis", cards}});
    }
    return http::Response::json(util::json_text(
        {{"success", true}, {"categories", panels},
         {"date_range",
          {{"min_date", util::json_or_null(result.min_date)},
           {"max_date", util::json_or_null(result.max_date)}}}}));
  }, {"kpi", "KPI cards grouped by category: current value, trend, sparkline",
      http::BodyKind::none, filter_docs(), "KpiCategoriesReply"});

  router.add("GET", "/api/kpi/trends", [intake, config](const http::Request& req) {
    const auto result = kpi::KpiService(*intake.catalog, *config).trends(filters_of(req, intake.settings.agents));
    Json data = Json::array();
    for (const auto& p : result.data) {
      data.push_back({{"date", p.date}, {"kpi_name", p.kpi_name}, {"value", p.value},
                      {"avg_7d", p.avg_7d}, {"avg_30d", p.avg_30d}, {"count", p.count}});
    }
    return http::Response::json(util::json_text({{"success", true}, {"data", data},
                                      {"kpi_names", result.kpi_names},
                                      {"trend_lines", result.trend_lines}}));
  }, {"kpi", "Daily values with 7- and 30-day rolling means per KPI", http::BodyKind::none,
      filter_docs(), "KpiTrendsReply"});

  router.add("GET", "/api/kpi/filters", [intake, config](const http::Request& req) {
    const auto result = kpi::KpiService(*intake.catalog, *config).filter_options(filters_of(req, intake.settings.agents));
    Json charts = Json::array();
    for (const auto& c : result.composition_charts) charts.push_back(chart_json(c));
    return http::Response::json(util::json_text(
        {{"success", true}, {"source_names", result.source_names},
         {"environments", result.environments}, {"kpi_categories", result.kpi_categories},
         {"kpi_names", result.kpi_names}, {"source_types", result.source_types},
         {"segments", result.segments}, {"kpi_order", result.kpi_order},
         {"composition_charts", charts}}));
  }, {"kpi", "Distinct filter values, the configured KPI order and composition charts",
      http::BodyKind::none, filter_docs(), "KpiFiltersReply"});
}

}  // namespace axis::api
