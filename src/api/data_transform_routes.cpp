#include <nlohmann/json.hpp>

#include "analytics/case_pivot.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "http/router.h"
#include "ingest/tree_rows.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;


}  // namespace

void register_data_transform_routes(http::Router& router) {
  router.add("POST", "/api/data/convert-tree", [](const http::Request& req) {
    Json rows = http::parse_json_body(req);
    const std::vector<std::string> columns = ingest::convert_to_tree(rows);
    return http::Response::json("{\"success\":true,\"data\":" + util::json_text(rows) +
                                ",\"columns\":" + util::json_text(columns) + "}");
  }, {"data", "Rewrite posted flat or tree rows (a JSON array) in the tree layout",
      http::BodyKind::json});

  router.add("POST", "/api/data/prepare-analytics", [](const http::Request& req) {
    QueryParams params(req);
    params.required("format_type");
    params.choice("format_type", {"tree_format", "flat_format"});
    const auto metric_type = params.text("metric_type");
    params.check();
    Json rows = http::parse_json_body(req);
    ingest::convert_to_tree(rows);
    const analytics::CaseTable table = analytics::pivot_cases(rows, metric_type);
    const Json mapping = {{"metrics", table.metrics}, {"components", table.components}};
    return http::Response::json("{\"success\":true,\"data\":" + table.rows_json +
                                ",\"columns\":" + util::json_text(table.columns) +
                                ",\"metric_columns\":" + util::json_text(table.metric_columns) +
                                ",\"mapping\":" + util::json_text(mapping) + "}");
  }, {"data", "Pivot posted tree rows to one row per case and one column per metric",
      http::BodyKind::json,
      {{"format_type", "string", true, "Format of the rows: tree_format or flat_format"},
       {"metric_type", "string", false, "Keep only rows of this metric_type"}}});
}

}  // namespace axis::api
