#include "signals/schema_cache.h"

#include <nlohmann/json.hpp>

#include "signals/metric_schema.h"
#include "store/store.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

std::string key_of(const datasets::DatasetInfo& dataset) {
  return "human_signals_metric_schema:" + dataset.table_name;
}

}  // namespace

void remember_metric_schema(const datasets::DatasetCatalog& catalog,
                            const datasets::DatasetInfo& dataset, const MetricSchema& schema,
                            const std::vector<std::string>& visible_metrics) {
  const Json entry = {{"metric_schema", *schema.schema},
                      {"unreadable_signals", schema.unreadable_signals},
                      {"visible_metrics", visible_metrics}};
  catalog.store().put_metadata(key_of(dataset), entry.dump());
}

SchemaSummary metric_schema_of(const datasets::DatasetCatalog& catalog,
                               const datasets::DatasetInfo& dataset,
                               const std::vector<std::string>& visible_metrics) {
  if (auto text = catalog.store().get_metadata(key_of(dataset))) {
    const Json entry = Json::parse(*text, nullptr, false);
    if (entry.is_object() && entry.value("visible_metrics", Json::array()) == Json(visible_metrics) &&
        entry.contains("metric_schema")) {
      return {std::make_shared<const Json>(entry["metric_schema"]),
              entry.value("unreadable_signals", std::int64_t{0})};
    }
  }
  MetricSchema schema = [&] {
    auto conn = catalog.store().connection();
    return read_metric_schema(*conn, dataset.table_name, RawLayout::of(dataset.columns), visible_metrics);
  }();
  remember_metric_schema(catalog, dataset, schema, visible_metrics);
  return {schema.schema, schema.unreadable_signals};
}

}  // namespace axis::signals
