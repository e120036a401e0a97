#include "api/dataset_json.h"

#include "datasets/rows.h"

namespace axis::api {

nlohmann::json dataset_json(const datasets::DatasetInfo& d) {
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& c : d.columns) cols.push_back({{"name", c.name}, {"type", c.type}});
  return {{"id", d.id}, {"name", d.name}, {"kind", d.kind}, {"format", d.format},
          {"row_count", d.row_count}, {"columns", cols}, {"created_at", d.created_at},
          {"source", d.source}};
}

std::string upload_reply(const datasets::DatasetCatalog& catalog, const datasets::DatasetInfo& d,
                         const std::string& message, std::int64_t max_rows,
                         const nlohmann::json& extra) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& c : d.columns) names.push_back(c.name);
  nlohmann::json head = {{"success", true},
                         {"dataset_id", d.id},
                         {"format", d.format},
                         {"row_count", d.row_count},
                         {"total_rows", d.row_count},
                         {"truncated", d.row_count > max_rows},
                         {"columns", names},
                         {"message", message},
                         {"dataset", dataset_json(d)}};
  head.update(extra);
  std::string out = head.dump();
  out.pop_back();  // reopen the object to append the row arrays
  out += ",\"preview\":" + datasets::rows_json(catalog, d, 0, 10);
  out += ",\"data\":" + datasets::rows_json(catalog, d, 0, max_rows) + "}";
  return out;
}

}  // namespace axis::api
