#include "app/app.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <thread>

#include "align/align_service.h"
#include "config/exposure.h"
#include "align/align_store.h"
#include "analytics/summary_tables.h"
#include "api/monitoring_replies.h"
#include "util/background_worker.h"
#include "health/health_monitor.h"
#include "browse/browse_cache.h"
#include "copilot/copilot_service.h"
#include "evalrun/eval_run_service.h"
#include "database/database_service.h"
#include "datasets/catalog.h"
#include "http/auth.h"
#include "http/cors.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_site.h"
#include "ingest/examples.h"
#include "plugins/registry.h"
#include "llm/providers.h"
#include "llm/usage_log.h"
#include "monitoring/monitoring_answers.h"
#include "store/store.h"
#include "sync/sync_engine.h"
#include "uploads/upload_service.h"
#include "util/answer_cache.h"

namespace axis::app {
namespace {

// Analytics replies kept in memory: the largest (hourly trends of 90 days × 20 metrics) is a
// few MB, so this holds the dashboards of many datasets and filter combinations.
constexpr std::size_t kAnswerBudgetBytes = 128u << 20;

std::vector<health::SourceTarget> source_targets(const config::Settings& settings) {
  std::vector<health::SourceTarget> targets;
  for (const config::SourceSettings* source : settings.sources()) {
    if (source->configured()) targets.push_back({source->name, config::connection_url(*source)});
  }
  return targets;
}

// Creates the upload spool folder and removes files a crash may have left there.
void prepare_spool_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir + ": " + ec.message());
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::filesystem::remove_all(entry.path(), ec);
  }
}

int cores() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 2 : static_cast<int>(n);
}

}  // namespace

App::App(config::Settings settings, AppOptions options)
    : settings_(std::move(settings)),
      examples_dir_(!options.examples_dir.empty()           ? options.examples_dir
                    : !settings_.server.examples_dir.empty() ? settings_.server.examples_dir
                                                             : std::string(AXIS_SOURCE_DIR) + "/data/examples") {
  for (const std::string& warning : settings_.warnings) spdlog::warn("config: {}", warning);
  browse_cache_ = std::make_unique<browse::BrowseCache>();
  if (settings_.store.enabled) {
    const auto& s = settings_.store;
    store_ = std::make_unique<store::Store>(
        store::StoreOptions{s.path, s.memory_limit, s.threads, s.query_concurrency});
    spdlog::info("store open at {} (schema version {})", s.path, store_->schema_version());
  }
  // Made first, so its uptime counts from the store's opening.
  health_ = std::make_unique<health::HealthMonitor>(store_.get(), source_targets(settings_));
  if (store_) {
    catalog_ = std::make_unique<datasets::DatasetCatalog>(*store_);
    summaries_ = std::make_unique<analytics::SummaryTables>(*store_);
    sync_ = std::make_unique<sync::SyncEngine>(
        *store_, settings_, settings_.store.path + ".lock", settings_.server.data_dir + "/tmp",
        [cache = browse_cache_.get()] { cache->forget_everything(); });
    examples_ = std::make_unique<ingest::ExampleStore>(*catalog_);
    if (options.load_samples) ingest::load_starter_examples(*examples_, examples_dir_);
  }
  prepare_spool_dir(spool_dir());
  background_ = std::make_unique<util::BackgroundWorker>();
  answers_ = std::make_unique<util::AnswerCache>(kAnswerBudgetBytes);
  if (catalog_) {
    monitoring_answers_ = std::make_unique<monitoring::MonitoringAnswers>(
        *catalog_, *answers_, std::make_unique<api::MonitoringReplies>(),
        monitoring::parse_monitoring_config(settings_.monitoring_db));
    uploads_ = std::make_unique<uploads::UploadService>(uploads::UploadDeps{
        *catalog_, settings_, *background_, *summaries_, *monitoring_answers_, *browse_cache_});
  }
  llm_usage_ = std::make_unique<llm::UsageLog>(store_.get());
  llm_ = std::make_unique<llm::Providers>(
      settings_.ai, [log = llm_usage_.get()](const llm::CallRecord& call) { log->record(call); });
  copilot_ = std::make_unique<copilot::CopilotService>(store_.get(), catalog_.get(), *llm_, settings_.ai,
                                                       spool_dir());
  if (store_ && uploads_) {
    eval_runs_ = std::make_unique<evalrun::EvalRunService>(
        evalrun::EvalRunDeps{*store_, *llm_, *llm_usage_, settings_.ai, *uploads_});
  }
  if (store_) align_store_ = std::make_unique<align::AlignStore>(*store_);
  align_ = std::make_unique<align::AlignService>(*llm_, align_store_.get());
  database_ = std::make_unique<database::DatabaseService>(settings_);
  metrics_ = std::make_unique<http::Metrics>();
  site_ = std::make_unique<http::StaticSite>(settings_.server.web_dir);
  if (!site_->available()) {
    spdlog::warn("web UI not found in {}: serving the API only", settings_.server.web_dir);
  }
  cors_ = std::make_unique<http::CorsPolicy>(settings_.server.cors_origins);
  auth_ = std::make_unique<http::AuthPolicy>(http::AuthOptions{
      settings_.server.api_tokens, settings_.server.auth_proxy_header, settings_.server.trusted_proxies});
  if (auth_->enabled()) {
    spdlog::info("API authentication on: {} token(s){}", settings_.server.api_tokens.size(),
                 settings_.server.auth_proxy_header.empty()
                     ? std::string()
                     : ", identity header " + settings_.server.auth_proxy_header + " from trusted proxies");
  }
  router_ = std::make_unique<http::Router>();
  register_routes();
}

App::~App() {
  plugins_.clear();
  copilot_.reset();
  eval_runs_.reset();
  align_.reset();
  align_store_.reset();
  llm_.reset();
  llm_usage_.reset();   // stores the calls still queued, before the store goes
  sync_.reset();        // waits for running syncs, before the store they write
  background_.reset();  // before the store its jobs use
  health_.reset();
  summaries_.reset();
  catalog_.reset();
  store_.reset();
}

std::string App::spool_dir() const {
  return settings_.server.data_dir + "/tmp/uploads";
}

int App::serve() {
  const auto& s = settings_.server;
  http::ServerOptions options;
  options.host = s.host;
  options.port = s.port;
  options.io_threads = s.workers > 0 ? s.workers : cores();
  options.blocking_threads = s.blocking_threads > 0 ? s.blocking_threads : std::max(4, 2 * cores());
  options.blocking_queue = s.blocking_queue;
  options.max_streams = s.max_streams;
  options.max_json_bytes = s.max_json_bytes;
  options.max_upload_bytes = s.max_upload_bytes;
  options.header_timeout_seconds = s.header_timeout_seconds;
  options.idle_timeout_seconds = s.idle_timeout_seconds;
  options.shutdown_grace_seconds = s.shutdown_grace_seconds;
  options.stream_ping_seconds = s.stream_ping_seconds;
  options.access_log = s.access_log;
  options.spool_dir = spool_dir();
  options.auth = auth_.get();
  http::Server server(options, *router_, *cors_, *metrics_);
  server.listen();
  if (sync_) sync_->start_background();
  spdlog::info("AXIS {} listening on http://{}:{} ({} I/O threads, {} blocking threads)",
               AXIS_VERSION, s.host, server.port(), options.io_threads, options.blocking_threads);
  if (const auto warning = config::exposure_warning(s)) {
    spdlog::warn("SECURITY: {}", *warning);
  }
  server.run();
  spdlog::info("server stopped");
  return 0;
}

}  // namespace axis::app
