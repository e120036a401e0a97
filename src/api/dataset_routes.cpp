#include <nlohmann/json.hpp>

#include "api/dataset_json.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "datasets/rows.h"
#include "http/router.h"
#include "util/http_error.h"

namespace axis::api {

using nlohmann::json;

void register_dataset_routes(http::Router& router,
                             util::StoreBacked<datasets::DatasetCatalog> catalog) {
  router.add("GET", "/api/datasets", [catalog](const http::Request& req) {
    const std::string kind = req.query_param("kind").value_or("");
    json list = json::array();
    for (const auto& d : catalog->list(kind)) list.push_back(dataset_json(d));
    return http::Response::json(json{{"success", true}, {"datasets", list}}.dump());
  }, {"datasets", "Stored datasets, newest first", http::BodyKind::none,
      {{"kind", "string", false, "evaluation | annotation | calibration"}}, "DatasetListReply"});

  router.add("GET", "/api/datasets/{dataset_id}", [catalog](const http::Request& req) {
    auto d = catalog->resolve(req.param("dataset_id"));
    return http::Response::json(json{{"success", true}, {"dataset", dataset_json(d)}}.dump());
  }, {"datasets", "One stored dataset", http::BodyKind::none, {}, "DatasetReply"});

  router.add("DELETE", "/api/datasets/{dataset_id}", [catalog](const http::Request& req) {
    const std::string& id = req.param("dataset_id");
    if (auto d = catalog->find(id); d && d->source.rfind("sync:", 0) == 0) {
      throw util::HttpError(409, "Dataset '" + id + "' is synced from PostgreSQL (" +
                                     d->source.substr(5) + "); the next sync replaces it");
    }
    if (!catalog->remove(id)) throw util::HttpError(404, "Dataset '" + id + "' not found");
    return http::Response::json(
        json{{"success", true}, {"message", "Dataset '" + id + "' deleted"}}.dump());
  }, {"datasets", "Delete a dataset, its rows and its annotations", http::BodyKind::none, {},
      "MessageReply"});

  router.add("GET", "/api/datasets/{dataset_id}/rows", [catalog](const http::Request& req) {
    auto d = catalog->resolve(req.param("dataset_id"));
    QueryParams params(req);
    const std::int64_t page = params.integer("page", 1, 1, 1'000'000'000);
    const std::int64_t size = params.integer("page_size", 50, 1, 500);
    params.check();
    json head = {{"success", true}, {"total", d.row_count}, {"page", page}, {"page_size", size}};
    json names = json::array();
    for (const auto& c : d.columns) names.push_back(c.name);
    head["columns"] = names;
    std::string out = head.dump();
    out.pop_back();
    out += ",\"data\":" + datasets::rows_json(*catalog, d, (page - 1) * size, size) + "}";
    return http::Response::json(std::move(out));
  }, {"datasets", "A page of a dataset's rows in file order", http::BodyKind::none,
      {{"page", "integer", false, "1-based page"}, {"page_size", "integer", false, "1..500"}}, "DatasetRowsReply"});
}

}  // namespace axis::api
