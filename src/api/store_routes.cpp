// GET /api/store/metadata/{dataset} and /api/store/data/{dataset}: browsing the stored
// monitoring, evaluation, KPI and human-signals tables (spec data.md §2.8, storage.md).
#include <nlohmann/json.hpp>

#include "api/monitoring_params.h"
#include "api/routes.h"
#include "browse/browse_service.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

const http::QueryParamDoc kDataset{
    "dataset_id", "string", false,
    "Dataset id (default: the newest dataset of the kind the name maps to)"};

browse::BrowseService service(util::StoreBacked<datasets::DatasetCatalog> catalog,
                              browse::BrowseCache& cache) {
  return browse::BrowseService(*catalog, cache);
}

using Json = nlohmann::ordered_json;

// {success, dataset, dataset_id, metadata{row_count, columns[{column_name, column_type}],
// filter_values{field: [...]}, time_range{min, max}, summary_stats?}}
std::string metadata_reply(const browse::TableMetadata& m) {
  Json columns = Json::array();
  for (const auto& [name, type] : m.columns) {
    columns.push_back({{"column_name", name}, {"column_type", type}});
  }
  Json filter_values = Json::object();
  for (const auto& [field, values] : m.filter_values) filter_values[field] = values;
  Json metadata = {{"row_count", m.row_count},
                   {"columns", columns},
                   {"filter_values", filter_values},
                   {"time_range",
                    {{"min", util::json_or_null(m.time_min)}, {"max", util::json_or_null(m.time_max)}}}};
  if (const auto& k = m.summary_stats) {
    metadata["summary_stats"] = {{"total_records", k->total_records}, {"avg_score", k->avg_score},
                                 {"pass_rate", k->pass_rate}, {"p50_latency", k->p50_latency},
                                 {"p95_latency", k->p95_latency}, {"p99_latency", k->p99_latency}};
  }
  return util::json_text(Json{{"success", true}, {"dataset", m.dataset},
                              {"dataset_id", m.dataset_id}, {"metadata", metadata}});
}

}  // namespace

void register_store_routes(http::Router& router,
                           util::StoreBacked<datasets::DatasetCatalog> catalog,
                           browse::BrowseCache& cache,
                           const std::vector<config::AgentEntry>& agents) {
  router.add("GET", "/api/store/metadata/{dataset}", [catalog, &cache](const http::Request& req) {
    QueryParams params(req);
    const std::string dataset_id = params.text("dataset_id").value_or("");
    return http::Response::json(
        metadata_reply(*service(catalog, cache).metadata(req.param("dataset"), dataset_id)));
  }, {"store", "Row count, columns, filter values, time range and score summary of a dataset",
      http::BodyKind::none, {kDataset}, "StoreMetadataReply"});

  std::vector<http::QueryParamDoc> data_docs = {
      kDataset,
      {"page", "integer", false, "Page, from 1 (default 1)"},
      {"page_size", "integer", false, "Rows per page, 1-500 (default 50)"},
      {"sort_by", "string", false, "A column (default: timestamp, newest first)"},
      {"sort_dir", "string", false, "asc | desc (default desc)"},
      {"columns", "string", false, "Comma-separated columns to return (default all)"},
      {"search", "string", false,
       "Case-insensitive substring of query, trace_id or actual_output"}};
  for (auto& d : monitoring_filter_docs()) data_docs.push_back(std::move(d));
  router.add("GET", "/api/store/data/{dataset}", [catalog, &cache, &agents](const http::Request& req) {
    QueryParams params(req);
    browse::BrowseQuery q;
    q.page = params.integer("page", 1, 1, 1'000'000'000);
    q.page_size = params.integer("page_size", 50, 1, browse::kMaxPageSize);
    q.sort_by = params.text("sort_by");
    q.sort_dir = params.choice("sort_dir", {"asc", "desc"});
    q.columns = comma_list(params.text("columns").value_or(""));
    q.filters = monitoring_filters(params, agents);
    q.search = params.text("search");
    const std::string dataset_id = params.text("dataset_id").value_or("");
    params.check();
    return http::Response::json(service(catalog, cache).page(req.param("dataset"), dataset_id, q));
  }, {"store", "A page of a dataset's rows: filtered, searched, sorted", http::BodyKind::none,
      std::move(data_docs), "StoreRowsReply"});
}

}  // namespace axis::api
