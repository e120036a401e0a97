// The route table: every router file in the order /openapi.json lists them, each given the
// services its handlers use.
#include "app/app.h"

#include "align/align_service.h"
#include "align/align_store.h"
#include "analytics/summary_tables.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "datasets/catalog.h"
#include "http/router.h"
#include "ingest/examples.h"
#include "monitoring/monitoring_answers.h"
#include "plugins/registry.h"
#include "sync/sync_engine.h"
#include "uploads/upload_service.h"

namespace axis::app {

void App::register_routes() {
  http::Router& r = *router_;
  const api::IntakeServices intake{settings_,   catalog_.get(), examples_.get(), uploads_.get(),
                                   spool_dir(), examples_dir_};
  const api::AnalyticsServices analytics{catalog_.get(), summaries_.get(), spool_dir(),
                                         settings_.server.max_csv_columns};
  plugin_statuses_ = plugins::plugin_statuses(settings_.server.plugins_enabled);
  api::register_system_routes(r, *site_, *health_, *metrics_, store_.get(), plugin_tags_);
  api::register_config_routes(r, settings_, *health_, store_.get(), plugin_statuses_);
  api::register_data_routes(r, intake);
  api::register_data_transform_routes(r);
  api::register_dataset_routes(r, catalog_.get());
  api::register_source_routes(r, catalog_.get(), settings_.agents);
  api::register_analytics_routes(r, analytics);
  api::register_evaluation_routes(r, analytics);
  api::register_annotation_routes(r, catalog_.get(), spool_dir());
  api::register_monitoring_routes(r, intake);
  api::register_kpi_routes(r, intake);
  api::register_human_signals_routes(r, intake);
  api::register_monitoring_analytics_routes(r, settings_, monitoring_answers_.get());
  api::register_store_routes(r, catalog_.get(), *browse_cache_, settings_.agents);
  api::register_store_sync_routes(r, sync_.get());
  api::register_database_routes(r, *database_, intake);
  api::register_db_import_routes(r, *database_, intake);
  api::register_ai_routes(r, {settings_, *llm_, *llm_usage_, *copilot_, catalog_.get()});
  api::register_report_routes(r, *llm_, catalog_.get());
  api::register_eval_runner_routes(r, {settings_, eval_runs_.get(), spool_dir(), examples_dir_});
  api::register_align_routes(r, *align_);
  api::register_align_store_routes(r, align_store_.get());
  api::register_auth_routes(r, *auth_);
  plugins_ = plugins::start_plugins(plugin_statuses_, {settings_, store_.get(), spool_dir(), examples_dir_}, r);
  plugin_tags_ = plugins::merged_tags(plugin_statuses_);
  api::register_web_fallback(r, *site_);
  api::check_reply_schemas(r);
}

}  // namespace axis::app
