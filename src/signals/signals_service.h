// The human-signals endpoints' work: storing uploads and the example, and everything an HS
// reply shows about a stored dataset (metric schema, display config, KPI figures). Blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.h"
#include "datasets/catalog.h"
#include "ingest/csv_file.h"
#include "ingest/example_store.h"

namespace axis::signals {

// A stored human-signals dataset as the replies show it. The JSON members are JSON text.
struct SignalsView {
  datasets::DatasetInfo dataset;  // the catalog entry (the raw rows table)
  datasets::DatasetInfo cases;    // the same entry pointing at the cases table: its columns,
                                  // row_count = number of cases
  std::string metric_schema;      // {metrics, source_fields, has_timestamp}
  std::string display_config;     // {kpi_strip, chart_sections, filters, table_columns, color_maps}
  std::string kpis;               // [{key, label, value, format, aggregation, missing}]
  std::optional<std::string> kpi_source;  // the source_name the KPIs cover; none = all cases
  std::vector<std::string> warnings;  // unreadable signals cells, ignored overrides
  std::string message;            // "Processed <n> cases"
};

// Which cases the KPI figures of a view cover.
struct KpiScope {
  std::optional<std::string> source_name;           // a source or registered agent; none = all
  std::optional<std::string> time_start, time_end;  // the cases' Timestamp window, as sent
};

class SignalsService {
 public:
  SignalsService(const datasets::DatasetCatalog& catalog, const config::Settings& settings)
      : catalog_(catalog), settings_(settings) {}

  // Stores an uploaded CSV (see load_signals_csv).
  SignalsView upload(const ingest::CsvFile& file, const std::string& filename) const;
  // The example `name` ("hitl"; anything else is a 404) from `examples_dir`, stored on first
  // use, the stored copy afterwards.
  SignalsView example(ingest::ExampleStore& examples, const std::string& name,
                      const std::string& examples_dir) const;
  // The dataset `dataset_id`, or the newest human-signals dataset when it is empty. HttpError
  // 404 when there is none or the id names no human-signals dataset. The KPI figures cover the
  // cases of `scope`: one source's (a registered agent's: all its names), within a time window
  // (422/400 for bad bounds, as the case views).
  SignalsView view(const std::string& dataset_id, const KpiScope& scope = {}) const;
  // The same without the KPI figures (kpis is "[]"): what the case views need of a dataset.
  SignalsView layout(const std::string& dataset_id) const;

 private:
  // The stored dataset view() and layout() show; the 404s of view().
  datasets::DatasetInfo find(const std::string& dataset_id) const;

  const datasets::DatasetCatalog& catalog_;
  const config::Settings& settings_;
};

}  // namespace axis::signals
