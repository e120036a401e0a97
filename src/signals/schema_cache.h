// The metric schema of a stored human-signals dataset, kept in _store_metadata under
// "human_signals_metric_schema:<raw table>", so that paging through cases does not re-read
// every raw row.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "datasets/catalog.h"

namespace axis::signals {

struct MetricSchema;

struct SchemaSummary {
  std::shared_ptr<const nlohmann::ordered_json> schema;  // {metrics, source_fields, has_timestamp}
  std::int64_t unreadable_signals = 0;
};

// Stores what a reply needs of `schema` for `dataset`, computed for `visible_metrics`.
void remember_metric_schema(const datasets::DatasetCatalog& catalog,
                            const datasets::DatasetInfo& dataset, const MetricSchema& schema,
                            const std::vector<std::string>& visible_metrics);

// The remembered schema when it was computed for the same visible_metrics, else the schema
// read from the raw rows (and remembered). Blocking; takes store connections one at a time.
SchemaSummary metric_schema_of(const datasets::DatasetCatalog& catalog,
                               const datasets::DatasetInfo& dataset,
                               const std::vector<std::string>& visible_metrics);

}  // namespace axis::signals
