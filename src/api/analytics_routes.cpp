#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "analytics/analytics_service.h"
#include "analytics/summary_tables.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "datasets/catalog.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/http_error.h"
#include "util/json_members.h"
#include "util/json_text.h"
#include "util/random_id.h"
#include "util/scoped_path.h"
#include "util/text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;

// Where a JSON body's first value starts: past white space and a UTF-8 byte order mark.
std::size_t value_start(const std::string& body) {
  const std::size_t from = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  return std::min(body.find_first_not_of(" \t\r\n", from), body.size());
}

// The body's "metrics" list (null: none).
std::vector<std::string> metrics_of(const Json& list) {
  std::vector<std::string> out;
  if (list.is_null()) return out;
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

// The rows of a parsed body: the body itself when it is a list, or its "data" list.
const Json& rows_of(const Json& body) {
  if (body.is_array()) return body;
  if (body.is_object() && body.contains("data") && body["data"].is_array()) return body["data"];
  throw util::HttpError({{"list_type", {"body"}, "Input should be a valid list", util::json_text(body)}});
}

// Where an analytics request reads its data: a stored dataset (when ?dataset_id= is given, or
// when no rows are posted and an evaluation dataset exists) or the rows in the body, written to
// a spool file (removed when the request ends) for the service to read.
struct Source {
  std::optional<std::string> dataset_id;     // set: stored ("" = the newest evaluation dataset)
  std::unique_ptr<util::ScopedPath> posted;  // set: the posted rows, a JSON array
  std::vector<std::string> metrics;          // the body's "metrics" list, if any

  analytics::AnalyticsRows rows() const {
    if (dataset_id) return analytics::StoredRows{*dataset_id};
    return analytics::PostedRows{posted->path()};
  }
};

std::unique_ptr<util::ScopedPath> spool(const std::string& dir, std::string_view json_array) {
  auto file = std::make_unique<util::ScopedPath>(dir + "/analytics-" + util::random_hex_id() + ".json");
  std::ofstream out(file->path(), std::ios::binary);
  out.write(json_array.data(), static_cast<std::streamsize>(json_array.size()));
  if (!out.flush()) throw std::runtime_error("cannot write the posted rows to " + file->path());
  return file;
}

class AnalyticsContext {
 public:
  explicit AnalyticsContext(const AnalyticsServices& services) : services_(services) {}

  // The rows are handed on as the text they came in, without building a tree of them (the body
  // may be tens of megabytes): a bare list, or the "data" list of {"data": [...], "metrics":
  // [...]}, whose other members are parsed on their own. A body whose objects repeat a key, or
  // of another shape, is parsed whole: its rows are written back with each key once (in its
  // first place, with its last value), or it gets the 422 its shape calls for.
  Source source(const http::Request& req, QueryParams& params) const {
    Source s;
    s.dataset_id = params.text("dataset_id");
    if (!s.dataset_id && util::is_blank(req.body) && services_.catalog.enabled() &&
        services_.catalog->newest()) {
      s.dataset_id = "";
    }
    if (s.dataset_id && util::is_blank(req.body)) return s;
    const http::JsonBodyFacts facts = http::check_json_body(req);
    std::optional<std::string_view> rows;
    if (!facts.repeated_keys) {
      const std::string_view body = std::string_view(req.body).substr(value_start(req.body));
      if (body.starts_with('[')) rows = body;
      const auto members = util::object_members(body);
      const auto data = members.find("data");
      if (data != members.end() && data->second.starts_with('[')) {
        const auto metrics = members.find("metrics");
        s.metrics = metrics_of(metrics == members.end() ? Json() : Json::parse(metrics->second));
        rows = data->second;
      }
    }
    if (!rows) {
      const Json body = http::parse_json_body(req);
      s.metrics = metrics_of(body.is_object() && body.contains("metrics") ? body["metrics"] : Json());
      if (!s.dataset_id) s.posted = spool(services_.spool_dir, util::json_text(rows_of(body)));
    } else if (!s.dataset_id) {
      s.posted = spool(services_.spool_dir, *rows);
    }
    return s;
  }

  analytics::AnalyticsService service() const {
    return analytics::AnalyticsService(*services_.catalog, *services_.summaries,
                                       services_.max_posted_columns);
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
    const auto r = ctx->service().summary(src.rows());
    return http::Response::json(util::json_text(summary_json(r)));
  }, {"analytics", "Per-metric mean, std, min, max, count and pass rate", http::BodyKind::json,
      {kDataset}, "AnalyticsSummaryReply"});

  router.add("POST", "/api/analytics/distribution", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string metric = params.required("metric");
    const int bins = static_cast<int>(params.integer("bins", 20, 1, 1000));
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = ctx->service().distribution(src.rows(), metric, bins);
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
    const auto r = ctx->service().comparison(src.rows(), group_by, src.metrics);
    return http::Response::json(util::json_text(comparison_json(r)));
  }, {"analytics", "Mean, std and count of each metric per group", http::BodyKind::json,
      {{"group_by", "string", true, "The column to group by"}, kDataset}, "GroupComparisonReply"});

  router.add("POST", "/api/analytics/correlation", [ctx](const http::Request& req) {
    QueryParams params(req);
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = ctx->service().correlation(src.rows(), src.metrics);
    return http::Response::json(util::json_text(correlation_json(r)));
  }, {"analytics", "Pearson correlation between each pair of metrics", http::BodyKind::json,
      {kDataset}, "CorrelationReply"});

  router.add("POST", "/api/analytics/radar", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto group_by = params.text("group_by");
    const Source src = ctx->source(req, params);
    params.check();
    const auto r = ctx->service().radar(src.rows(), src.metrics, group_by);
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
    const auto r = ctx->service().scatter(src.rows(), x, y, color_by);
    return http::Response::json(scatter_body(r));
  }, {"analytics", "Paired values of two metrics, with optional colour and ids",
      http::BodyKind::json,
      {{"x_metric", "string", true, "Metric on x"}, {"y_metric", "string", true, "Metric on y"},
       {"color_by", "string", false, "Column that colours the points"}, kDataset}, "ScatterReply"});
}

}  // namespace axis::api
