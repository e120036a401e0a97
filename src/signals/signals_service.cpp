#include "signals/signals_service.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

#include "config/agent_match.h"
#include "signals/case_selection.h"
#include "signals/display_config.h"
#include "signals/display_overrides.h"
#include "signals/metric_schema.h"
#include "signals/schema_cache.h"
#include "signals/signal_kpis.h"
#include "signals/signals_loader.h"
#include "store/store.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::signals {
namespace {

constexpr const char* kExampleName = "hitl";
constexpr const char* kExampleFile = "human_signals_example.csv";
constexpr const char* kExampleSource = "example:hitl";
constexpr const char* kKind = "human_signals";

// Everything a reply shows about `dataset`; the KPI figures only `with_kpis` ("[]" otherwise).
SignalsView view_of(const datasets::DatasetCatalog& catalog, const config::Settings& settings,
                    const datasets::DatasetInfo& dataset, const SchemaSummary& schema,
                    const KpiScope& scope = {}, bool with_kpis = true) {
  SignalsView view;
  view.kpi_source = scope.source_name;
  const std::vector<std::string> sources = config::resolve_source_name(settings.agents, view.kpi_source);
  view.dataset = dataset;
  view.cases = dataset;
  view.cases.table_name = cases_table_of(dataset.table_name);
  if (schema.unreadable_signals > 0) {
    view.warnings.push_back(std::to_string(schema.unreadable_signals) +
                            " rows have a signals cell that is neither a JSON nor a Python-literal "
                            "object; they were read as no signals");
  }
  nlohmann::ordered_json display =
      generate_display_config(*schema.schema, settings.human_signals_db.visible_kpis);
  apply_display_overrides(display, settings.config_dir, view.warnings);
  auto conn = catalog.store().connection();
  view.cases.columns = datasets::table_columns(*conn, view.cases.table_name);
  auto count = conn->execute("SELECT count(*) FROM " + datasets::quote_ident(view.cases.table_name)).scalar();
  view.cases.row_count = count ? std::stoll(*count) : 0;
  view.kpis = "[]";
  if (with_kpis) {
    store::SqlWhere kpi_cases;
    if (!sources.empty()) kpi_cases.add_any("CAST(\"source_name\" AS VARCHAR)", sources);
    CaseSelection window;
    window.time_start = scope.time_start;
    window.time_end = scope.time_end;
    add_time_window(*conn, kpi_cases, view.cases.columns, window);
    view.kpis = compute_kpis(*conn, view.cases.table_name, view.cases.columns,
                             display["kpi_strip"], kpi_cases)
                    .dump();
  }
  view.metric_schema = schema.schema->dump();
  view.display_config = display.dump();
  view.message = "Processed " + std::to_string(view.cases.row_count) + " cases";
  return view;
}

// A freshly loaded dataset: its schema is remembered for the requests that follow.
SignalsView loaded_view(const datasets::DatasetCatalog& catalog, const config::Settings& settings,
                        const SignalsLoad& loaded) {
  const auto& visible = settings.human_signals_db.visible_metrics;
  remember_metric_schema(catalog, loaded.dataset, loaded.schema, visible);
  return view_of(catalog, settings, loaded.dataset,
                 {loaded.schema.schema, loaded.schema.unreadable_signals});
}

SignalsView stored_view(const datasets::DatasetCatalog& catalog, const config::Settings& settings,
                        const datasets::DatasetInfo& dataset,
                        const KpiScope& scope = {}, bool with_kpis = true) {
  return view_of(catalog, settings, dataset,
                 metric_schema_of(catalog, dataset, settings.human_signals_db.visible_metrics),
                 scope, with_kpis);
}

}  // namespace

SignalsView SignalsService::upload(const ingest::CsvFile& file, const std::string& filename) const {
  const auto loaded = load_signals_csv(catalog_, file, std::filesystem::path(filename).filename().string(),
                                       "upload", settings_.human_signals_db.visible_metrics);
  return loaded_view(catalog_, settings_, loaded);
}

SignalsView SignalsService::example(ingest::ExampleStore& examples, const std::string& name,
                                    const std::string& examples_dir) const {
  const std::string path = (std::filesystem::path(examples_dir) / kExampleFile).string();
  if (name != kExampleName || !std::filesystem::is_regular_file(path)) {
    throw util::HttpError(404, "Dataset not found. Available: ['hitl']");
  }
  return examples.stored<SignalsView>(
      kExampleSource,
      [&](const datasets::DatasetInfo& existing) { return stored_view(catalog_, settings_, existing); },
      [&] {
        const auto loaded =
            load_signals_csv(catalog_, ingest::inspect_csv(path, ingest::CsvLimits{}),
                             "Human signals example", kExampleSource,
                             settings_.human_signals_db.visible_metrics);
        return loaded_view(catalog_, settings_, loaded);
      });
}

SignalsView SignalsService::view(const std::string& dataset_id, const KpiScope& scope) const {
  return stored_view(catalog_, settings_, find(dataset_id), scope);
}

SignalsView SignalsService::layout(const std::string& dataset_id) const {
  return stored_view(catalog_, settings_, find(dataset_id), {}, false);
}

datasets::DatasetInfo SignalsService::find(const std::string& dataset_id) const {
  std::optional<datasets::DatasetInfo> dataset =
      dataset_id.empty() ? catalog_.newest(kKind) : catalog_.find(dataset_id);
  if (!dataset && dataset_id.empty()) {
    throw util::HttpError(404, "No human signals data yet: upload a human signals CSV or load "
                               "the example");
  }
  if (!dataset || dataset->kind != kKind) {
    throw util::HttpError(404, "Human signals dataset '" + dataset_id + "' not found");
  }
  return *dataset;
}

}  // namespace axis::signals
