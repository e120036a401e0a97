// JSON renderings of stored datasets shared by the data and datasets routers.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "datasets/catalog.h"

namespace axis::api {

// {id, name, kind, format, row_count, columns:[{name,type}], created_at, source}
nlohmann::json dataset_json(const datasets::DatasetInfo& d);

// The upload/example reply: {success, dataset_id, format, row_count, total_rows, truncated,
// columns, preview (10 rows), message, dataset, data (at most `max_rows` rows, fewer for a wide
// dataset: datasets::reply_rows)}, plus the members of `extra` (e.g. metric_columns). Rows are
// read from the store as JSON text once, without building a JSON tree.
std::string upload_reply(const datasets::DatasetCatalog& catalog, const datasets::DatasetInfo& d,
                         const std::string& message, std::int64_t max_rows,
                         const nlohmann::json& extra = nlohmann::json::object());

}  // namespace axis::api
