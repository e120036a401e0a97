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
  const std::int64_t rows = datasets::reply_rows(d, max_rows);
  nlohmann::json head = {{"success", true},
                         {"dataset_id", d.id},
                         {"format", d.format},
                         {"row_count", d.row_count},
                         {"total_rows", d.row_count},
                         {"truncated", d.row_count > rows},
                         {"columns", names},
                         {"message", message},
                         {"dataset", dataset_json(d)}};
  head.update(extra);
  std::string out = head.dump();
  out.pop_back();  // reopen the object to append the row arrays
  // One read serves both arrays: the preview is the first rows of the data.
  const std::vector<std::string> objects = datasets::row_objects(catalog, d, 0, rows);
  const auto array = [&](std::size_t n) {
    std::string text = "[";
    for (std::size_t i = 0; i < n && i < objects.size(); ++i) {
      if (i > 0) text += ',';
      text += objects[i];
    }
    return text + "]";
  };
  out += ",\"preview\":" + array(10);
  out += ",\"data\":" + array(objects.size()) + "}";
  return out;
}

}  // namespace axis::api
