#include "api/monitoring_warmup.h"

#include <spdlog/spdlog.h>

#include <utility>
#include <vector>

#include "app/app.h"
#include "app/background_worker.h"
#include "http/request.h"
#include "http/router.h"
#include "monitoring/monitoring_config.h"

namespace axis::api {
namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

struct Read {
  std::string path;
  Query query;
};

std::string number_text(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

// The reads of a first visit to the Monitoring page (web/src/pages/monitoring), in the order
// the page shows them.
std::vector<Read> first_visit(const app::App& app) {
  const std::string pass = number_text(
      monitoring::parse_monitoring_config(app.settings().monitoring_db).thresholds.pass);
  const std::string base = "/api/monitoring/analytics/";
  return {{"/api/store/metadata/monitoring", {}},
          {base + "summary", {}},
          {base + "alerts", {{"granularity", "daily"}}},
          {base + "trends", {{"granularity", "daily"}}},
          {base + "latency-distribution", {}},
          {base + "metric-breakdown", {{"threshold", pass}}},
          {base + "classification-breakdown", {{"category_source", "explanation"}}},
          {base + "analysis-insights", {{"page", "1"}, {"limit", "10"}}},
          {"/api/store/data/monitoring",
           {{"page", "1"}, {"page_size", "20"}, {"sort_by", "timestamp"}, {"sort_dir", "desc"}}},
          {base + "trends", {{"granularity", "hourly"}}},
          {base + "trends", {{"granularity", "weekly"}}}};
}

void run(const http::Router& router, const Read& read, const std::string& dataset_id) {
  http::Request req;
  req.method = "GET";
  req.path = read.path;
  req.query = read.query;
  req.query.emplace_back("dataset_id", dataset_id);
  req.request_id = "warm-up";
  http::RouteMatch match = router.match(req.method, req.path);
  if (match.kind != http::RouteMatch::Kind::found) return;
  req.params = std::move(match.params);
  match.route->handler(req);
}

}  // namespace

void warm_monitoring_answers(app::App& app, const std::string& dataset_id) {
  app.background().post("monitoring answers of dataset " + dataset_id, [&app, dataset_id] {
    for (const Read& read : first_visit(app)) {
      try {
        run(app.router(), read, dataset_id);
      } catch (const std::exception& e) {
        // e.g. the dataset was deleted meanwhile; the request itself will say why.
        spdlog::debug("warm-up of {} for dataset {}: {}", read.path, dataset_id, e.what());
      }
    }
  });
}

}  // namespace axis::api
