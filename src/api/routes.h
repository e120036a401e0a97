// Route registration: each router file adds its routes to the table, given the services its
// handlers use and nothing more. Handlers parse and validate, call one service, and render; they
// hold no SQL. The application (app/app_routes.cpp) decides the order and hands out the services;
// every reference and StoreBacked here must outlive the router.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "util/store_backed.h"

namespace axis::config {
struct AgentEntry;
struct Settings;
}
namespace axis::store { class Store; }
namespace axis::datasets { class DatasetCatalog; }
namespace axis::analytics { class SummaryTables; }
namespace axis::ingest { class ExampleStore; }
namespace axis::uploads { class UploadService; }
namespace axis::monitoring { class MonitoringAnswers; }
namespace axis::browse { class BrowseCache; }
namespace axis::sync { class SyncEngine; }
namespace axis::database { class DatabaseService; }
namespace axis::llm {
class Providers;
class UsageLog;
}
namespace axis::copilot { class CopilotService; }
namespace axis::evalrun { class EvalRunService; }
namespace axis::align {
class AlignService;
class AlignStore;
}
namespace axis::health { class HealthMonitor; }
namespace axis::plugins { struct PluginStatus; }
namespace axis::http {
class Router;
class Metrics;
class StaticSite;
class AuthPolicy;
}

namespace axis::api {

// What the upload, example and import routes use.
struct IntakeServices {
  const config::Settings& settings;
  util::StoreBacked<datasets::DatasetCatalog> catalog;
  util::StoreBacked<ingest::ExampleStore> examples;
  util::StoreBacked<const uploads::UploadService> uploads;
  std::string spool_dir;     // request bodies and upload files in flight
  std::string examples_dir;  // the bundled example datasets
};

// What the evaluation and analytics reads use.
struct AnalyticsServices {
  util::StoreBacked<const datasets::DatasetCatalog> catalog;
  util::StoreBacked<analytics::SummaryTables> summaries;
  std::string spool_dir;                  // files in flight (exports, posted rows)
  std::size_t max_posted_columns = 2000;  // AXIS_MAX_CSV_COLUMNS: keys of posted rows
};

// What the /api/eval-runner routes use.
struct EvalRunnerServices {
  const config::Settings& settings;
  util::StoreBacked<evalrun::EvalRunService> runs;
  std::string spool_dir;     // uploads and exports in flight
  std::string examples_dir;  // the bundled sample dataset
};

// What the /api/ai routes use.
struct AiServices {
  const config::Settings& settings;
  const llm::Providers& llm;
  const llm::UsageLog& usage;
  const copilot::CopilotService& copilot;
  util::StoreBacked<const datasets::DatasetCatalog> catalog;  // only to answer 503 without a store
};

// / , /health, /metrics, /openapi.json. `store` is null when the store is disabled.
// `plugin_tags`: the OpenAPI tag descriptions of the running plugins, read when /openapi.json is
// asked for (the application fills it once the plugins have started, before serving).
void register_system_routes(http::Router& router, const http::StaticSite& site,
                            const health::HealthMonitor& health, const http::Metrics& metrics,
                            store::Store* store,
                            const std::map<std::string, std::string>& plugin_tags);
// /api/config/*. `store` is null when the store is disabled. `plugin_statuses` is read at each request
// (the application records start-up failures in it before serving).
void register_config_routes(http::Router& router, const config::Settings& settings,
                            const health::HealthMonitor& health, store::Store* store,
                            const std::vector<plugins::PluginStatus>& plugin_statuses);
void register_data_routes(http::Router& router, const IntakeServices& intake);  // /api/data/*
void register_data_transform_routes(http::Router& router);  // rows → tree, wide
void register_source_routes(http::Router& router,  // /api/config/sources
                            util::StoreBacked<const datasets::DatasetCatalog> catalog,
                            const std::vector<config::AgentEntry>& agents);
void register_dataset_routes(http::Router& router,  // /api/datasets/*
                             util::StoreBacked<datasets::DatasetCatalog> catalog);
void register_analytics_routes(http::Router& router, const AnalyticsServices& services);
void register_evaluation_routes(http::Router& router, const AnalyticsServices& services);
void register_annotation_routes(http::Router& router,  // /api/annotations*
                                util::StoreBacked<datasets::DatasetCatalog> catalog,
                                const std::string& spool_dir);
void register_monitoring_routes(http::Router& router, const IntakeServices& intake);
void register_kpi_routes(http::Router& router, const IntakeServices& intake);
void register_human_signals_routes(http::Router& router, const IntakeServices& intake);
void register_monitoring_analytics_routes(  // /api/monitoring/analytics/*
    http::Router& router, const config::Settings& settings,
    util::StoreBacked<const monitoring::MonitoringAnswers> answers);
void register_store_routes(http::Router& router,  // /api/store/metadata, data
                           util::StoreBacked<datasets::DatasetCatalog> catalog,
                           browse::BrowseCache& cache,
                           const std::vector<config::AgentEntry>& agents);
void register_store_sync_routes(http::Router& router,  // /api/store/sync*, status
                                util::StoreBacked<sync::SyncEngine> sync);
void register_database_routes(http::Router& router, database::DatabaseService& database,
                              const IntakeServices& intake);  // /api/database/*
void register_db_import_routes(http::Router& router, database::DatabaseService& database,
                               const IntakeServices& intake);  // */db-import
void register_ai_routes(http::Router& router, const AiServices& ai);  // /api/ai/*
void register_eval_runner_routes(http::Router& router, const EvalRunnerServices& services);
void register_report_routes(http::Router& router, const llm::Providers& llm,  // /api/reports/*
                            util::StoreBacked<datasets::DatasetCatalog> catalog);
// /api/align: judging, statistics, the model's analyses, suggestions, models, defaults, status.
void register_align_routes(http::Router& router, const align::AlignService& service);
// /api/align saved configurations, labels and runs (503 without a store).
void register_align_store_routes(http::Router& router, util::StoreBacked<const align::AlignStore> store);
void register_auth_routes(http::Router& router, const http::AuthPolicy& auth);  // /api/auth/status
// GET requests outside /api/ that match no route: the web UI's files, index.html otherwise.
void register_web_fallback(http::Router& router, const http::StaticSite& site);

}  // namespace axis::api
