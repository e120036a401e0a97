#include <nlohmann/json.hpp>

#include <memory>

#include "analytics/analytics_service.h"
#include "analytics/posted_rows.h"
#include "analytics/summary_tables.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "datasets/catalog.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;


bool blank(const std::string& body) {
  return body.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Where an analytics request reads its data: a stored dataset (when ?dataset_id= is given, or
// when no rows are posted and an evaluation dataset exists) or the rows in the body.
struct Source {
  std::optional<std::string> dataset_id;  // set: stored ("" = the newest evaluation dataset)
  Json body;                               // the parsed body (null when there is none)
  std::vector<std::string> metrics;        // the body's "metrics" list, if any

  const Json& rows() const {
    if (body.is_array()) return body;
    if (body.is_object() && body.contains("data") && body["data"].is_array()) return body["data"];
    throw util::HttpError({{"list_type", {"body"}, "Input should be a valid list", util::json_text(body)}});
  }
};

std::vector<std::string> body_metrics(const Json& body) {
  std::vector<std::string> out;
  if (!body.is_object() || !body.contains("metrics") || body["metrics"].is_null()) return out;
  const Json& list = body["metrics"];
  if (!list.is_array()) {
    throw util::HttpError({{"list_type", {"body", "metrics"}, "Input should be a valid list",
                            util::json_text(list)}});
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) {
      throw util::HttpError({{"string_type", {"body", "metrics", std::to_string(i)},
                              "Input should be a valid string", util::json_text(list[i])}});
    }
    out.push_back(list[i].get<std::string>());
  }
  return out;
}

class AnalyticsContext {
 public:
  explicit AnalyticsContext(const AnalyticsServices& services) : services_(services) {}

  Source source(const http::Request& req, QueryParams& params) const {
    Source s;
    s.dataset_id = params.text("dataset_id");
    if (!s.dataset_id && blank(req.body) && services_.catalog.enabled() && services_.catalog->newest()) {
      s.dataset_id = "";
    }
    if (!s.dataset_id || !blank(req.body)) s.body = http::parse_json_body(req);
    s.metrics = body_metrics(s.body);
    return s;
  }

  analytics::AnalyticsService service() const {
    return analytics::AnalyticsService(*services_.catalog, *services_.summaries);
  }

 private:
  AnalyticsServices services_;
};

Json summary_json(const analytics::SummaryResult& r) {
  Json list = Json::array();
  for (const auto& m : r.metrics) {
    list.push_back({{"metric_name", m.metric_name}, {"mean", m.mean}, {"std", m.std},
                    {"min", m.min}, {"max", m.max}, {"count", m.count},
                    {"passing_rate", m.passing_rate}});
  }
  return {{"success", true}, {"summary", list}, {"total_records", r.total_records}};
}

std::string distribution_body(const analytics::DistributionResult& r) {
  const Json histogram = {{"counts", r.counts}, {"bin_edges", r.bin_edges}};
  const Json stats = {{"mean", r.mean}, {"median", r.median}, {"std", r.std}, {"q25", r.q25},
                      {"q75", r.q75}};
  return "{\"success\":true,\"metric\":" + util::json_text(r.metric) + ",\"values\":" + r.values_json +
         ",\"histogram\":" + util::json_text(histogram) + ",\"stats\":" + util::json_text(stats) + "}";
}

Json comparison_json(const analytics::GroupComparisonResult& r) {
  Json rows = Json::array();
  for (const auto& g : r.groups) {
    Json row = {{"group", Json::parse(g.value_json)}};
    for (std::size_t i = 0; i < r.metrics.size(); ++i) {
      row[r.metrics[i]] = {{"mean", g.stats[i].mean}, {"std", g.stats[i].std},
                           {"count", g.stats[i].count}};
    }
    rows.push_back(std::move(row));
  }
  Json groups = Json::array();
  for (const auto& g : r.first_seen_groups) groups.push_back(Json::parse(g));
  return {{"success", true}, {"comparison", rows}, {"metrics", r.metrics}, {"groups", groups}};
}

Json correlation_json(const analytics::CorrelationResult& r) {
  Json matrix = Json::object();
  for (std::size_t i = 0; i < r.metrics.size(); ++i) {
    Json row = Json::object();
    for (std::size_t j = 0; j < r.metrics.size(); ++j) row[r.metrics[j]] = r.matrix[i][j];
    matrix[r.metrics[i]] = std::move(row);
  }
  return {{"success", true}, {"correlation", matrix}, {"metrics", r.metrics}};
}

Json radar_json(const analytics::RadarResult& r) {
  Json traces = Json::array();
  for (const auto& t : r.traces) traces.push_back({{"name", t.name}, {"values", t.values}});
  return {{"success", true}, {"metrics", r.metrics}, {"traces", traces}};
}

std::string scatter_body(const analytics::ScatterResult& r) {
  std::string body = "{\"success\":true,\"x\":" + r.x_json + ",\"y\":" + r.y_json +
                     ",\"x_metric\":" + util::json_text(r.x_metric) + ",\"y_metric\":" + util::json_text(r.y_metric);
  if (r.color_by) body += ",\"color\":" + r.color_json + ",\"color_by\":" + util::json_text(*r.color_by);
  if (r.ids_json) body += ",\"ids\":" + *r.ids_json;
  return body + "}";
}

const http::QueryParamDoc kDataset{"dataset_id", "string", false,
                                   "Stored dataset to analyse (default: the posted rows, or the "
                                   "newest evaluation dataset when no rows are posted)"};

}  // namespace

void register_analytics_routes(http::Router& router, const AnalyticsServices& services) {
  auto ctx = std::make_shared<AnalyticsContext>(services);

  router.add("POST", "/api/analytics/summary", [ctx](const http::Request& req) {
    QueryParams params(req);
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = src.dataset_id ? ctx->service().summary(*src.dataset_id)
                                  : analytics::posted_summary(src.rows());
    return http::Response::json(util::json_text(summary_json(r)));
  }, {"analytics", "Per-metric mean, std, min, max, count and pass rate", http::BodyKind::json,
      {kDataset}, "AnalyticsSummaryReply"});

  router.add("POST", "/api/analytics/distribution", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string metric = params.required("metric");
    const int bins = static_cast<int>(params.integer("bins", 20, 1, 1000));
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = src.dataset_id ? ctx->service().distribution(*src.dataset_id, metric, bins)
                                  : analytics::posted_distribution(src.rows(), metric, bins);
    return http::Response::json(distribution_body(r));
  }, {"analytics", "One metric's values, equal-width histogram and quartiles",
      http::BodyKind::json,
      {{"metric", "string", true, "The metric"}, {"bins", "integer", false, "Bins, 1-1000 (20)"},
       kDataset}, "DistributionReply"});

  router.add("POST", "/api/analytics/comparison", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string group_by = params.required("group_by");
    const Source src = ctx->source(req, params);
    params.check();
    const auto r =
        src.dataset_id ? ctx->service().comparison(*src.dataset_id, group_by, src.metrics)
                       : analytics::posted_comparison(src.rows(), group_by, src.metrics);
    return http::Response::json(util::json_text(comparison_json(r)));
  }, {"analytics", "Mean, std and count of each metric per group", http::BodyKind::json,
      {{"group_by", "string", true, "The column to group by"}, kDataset}, "GroupComparisonReply"});

  router.add("POST", "/api/analytics/correlation", [ctx](const http::Request& req) {
    QueryParams params(req);
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = src.dataset_id ? ctx->service().correlation(*src.dataset_id, src.metrics)
                                  : analytics::posted_correlation(src.rows(), src.metrics);
    return http::Response::json(util::json_text(correlation_json(r)));
  }, {"analytics", "Pearson correlation between each pair of metrics", http::BodyKind::json,
      {kDataset}, "CorrelationReply"});

  router.add("POST", "/api/analytics/radar", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto group_by = params.text("group_by");
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = src.dataset_id
                       ? ctx->service().radar(*src.dataset_id, src.metrics, group_by)
                       : analytics::posted_radar(src.rows(), src.metrics, group_by);
    return http::Response::json(util::json_text(radar_json(r)));
  }, {"analytics", "Mean of each metric, overall or per group", http::BodyKind::json,
      {{"group_by", "string", false, "One trace per value of this column"}, kDataset},
      "RadarReply"});

  router.add("POST", "/api/analytics/scatter", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string x = params.required("x_metric");
    const std::string y = params.required("y_metric");
    const auto color_by = params.text("color_by");
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = src.dataset_id ? ctx->service().scatter(*src.dataset_id, x, y, color_by)
                                  : analytics::posted_scatter(src.rows(), x, y, color_by);
    return http::Response::json(scatter_body(r));
  }, {"analytics", "Paired values of two metrics, with optional colour and ids",
      http::BodyKind::json,
      {{"x_metric", "string", true, "Metric on x"}, {"y_metric", "string", true, "Metric on y"},
       {"color_by", "string", false, "Column that colours the points"}, kDataset}, "ScatterReply"});
}

}  // namespace axis::api
