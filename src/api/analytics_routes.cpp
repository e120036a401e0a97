#include <nlohmann/json.hpp>

#include "analytics/summary.h"
#include "api/routes.h"
#include "http/http_error.h"
#include "http/json_body.h"
#include "http/router.h"

namespace axis::api {
namespace {

using nlohmann::json;

// The rows of an analytics body: a bare array, or {"data": [...]} (the form with a metrics list).
const nlohmann::ordered_json& body_rows(const nlohmann::ordered_json& body) {
  if (body.is_array()) return body;
  if (body.is_object() && body.contains("data") && body["data"].is_array()) return body["data"];
  throw http::HttpError({{"list_type", {"body"}, "Input should be a valid list", body.dump()}});
}

}  // namespace

void register_analytics_routes(http::Router& router) {
  router.add("POST", "/api/analytics/summary", [](const http::Request& req) {
    const auto body = http::parse_json_body(req);
    const auto& rows = body_rows(body);
    json summary = json::array();
    for (const auto& m : analytics::summarize_metrics(rows)) {
      summary.push_back({{"metric_name", m.metric_name}, {"mean", m.mean}, {"std", m.std},
                         {"min", m.min}, {"max", m.max}, {"count", m.count},
                         {"passing_rate", m.passing_rate}});
    }
    return http::Response::json(
        json{{"success", true}, {"summary", summary}, {"total_records", rows.size()}}.dump());
  }, {"analytics", "Per-metric mean, std, min, max, count and pass rate of posted rows",
      http::BodyKind::json});
}

}  // namespace axis::api
