// App: owns the configuration, the store, the route table and the services, and runs the HTTP
// server. One per process; everything else receives what it needs from here.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "config/settings.h"

namespace axis::store { class Store; }
namespace axis::datasets { class DatasetCatalog; }
namespace axis::analytics { class SummaryTables; }
namespace axis::util {
class AnswerCache;
class BackgroundWorker;
}
namespace axis::sync { class SyncEngine; }
namespace axis::llm {
class Providers;
class UsageLog;
}
namespace axis::copilot { class CopilotService; }
namespace axis::database { class DatabaseService; }
namespace axis::ingest { class ExampleStore; }
namespace axis::browse { class BrowseCache; }
namespace axis::monitoring { class MonitoringAnswers; }
namespace axis::uploads { class UploadService; }
namespace axis::http {
class Router;
class Metrics;
class StaticSite;
class CorsPolicy;
class AuthPolicy;
}

namespace axis::app {

class HealthMonitor;

struct AppOptions {
  bool load_samples = true;  // store the example model and comparison datasets on first start
  std::string examples_dir;  // default <source dir>/data/examples
};

class App {
 public:
  // Opens the store (throws store::StoreError, e.g. when another server holds the file), loads
  // the web UI and registers every route. Does not listen yet.
  App(config::Settings settings, AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Listens and serves until SIGINT/SIGTERM; returns the process exit code.
  int serve();

  const config::Settings& settings() const { return settings_; }
  store::Store* store() const { return store_.get(); }  // null when the store is disabled
  // The dataset catalog; throws HttpError 503 when the store is disabled.
  datasets::DatasetCatalog& catalog() const;
  // The per-dataset analytics summaries, shared by every route; 503 like catalog().
  analytics::SummaryTables& summaries() const;
  // The PostgreSQL sync engine; throws HttpError 503 when the store is disabled.
  sync::SyncEngine& sync() const;
  // Work requests start but do not wait for.
  util::BackgroundWorker& background() const { return *background_; }
  // Finished replies of the analytics reads, by a key naming table, endpoint and parameters.
  http::Metrics& metrics() const { return *metrics_; }
  // The configured LLM providers (possibly none) and the log of their calls.
  const llm::Providers& llm() const { return *llm_; }
  const llm::UsageLog& llm_usage() const { return *llm_usage_; }
  const copilot::CopilotService& copilot() const { return *copilot_; }
  // The database import wizard's handles and reads, and the imports of configured sources.
  database::DatabaseService& database() const { return *database_; }
  // Stores each bundled example once (one lock for every kind); 503 like catalog().
  ingest::ExampleStore& examples() const;
  // What store browsing remembers between requests; emptied after every sync.
  browse::BrowseCache& browse_cache() const { return *browse_cache_; }
  // The monitoring analytics behind the answer cache; 503 like catalog().
  const monitoring::MonitoringAnswers& monitoring_answers() const;
  // Stores checked CSVs by kind and queues what their pages need next; 503 like catalog().
  const uploads::UploadService& uploads() const;
  const http::StaticSite& site() const { return *site_; }
  const http::Router& router() const { return *router_; }
  // Who may call /api (AXIS_API_TOKEN, AXIS_AUTH_PROXY_HEADER); disabled when neither is set.
  const http::AuthPolicy& auth() const { return *auth_; }
  HealthMonitor& health() const { return *health_; }
  double uptime_seconds() const;
  // Folder for request bodies and upload files in flight: <data-dir>/tmp/uploads.
  std::string spool_dir() const;
  // Folder of the bundled example datasets.
  const std::string& examples_dir() const { return examples_dir_; }

 private:
  config::Settings settings_;
  std::string examples_dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<datasets::DatasetCatalog> catalog_;
  std::unique_ptr<analytics::SummaryTables> summaries_;
  // Declared before sync_, which empties it after a sync: it must outlive the engine.
  std::unique_ptr<browse::BrowseCache> browse_cache_;
  std::unique_ptr<sync::SyncEngine> sync_;
  std::unique_ptr<util::BackgroundWorker> background_;
  std::unique_ptr<util::AnswerCache> answers_;
  std::unique_ptr<monitoring::MonitoringAnswers> monitoring_answers_;
  std::unique_ptr<uploads::UploadService> uploads_;
  std::unique_ptr<llm::UsageLog> llm_usage_;
  std::unique_ptr<llm::Providers> llm_;
  std::unique_ptr<copilot::CopilotService> copilot_;
  std::unique_ptr<database::DatabaseService> database_;
  std::unique_ptr<ingest::ExampleStore> examples_;
  std::unique_ptr<http::Metrics> metrics_;
  std::unique_ptr<http::StaticSite> site_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::CorsPolicy> cors_;
  std::unique_ptr<http::AuthPolicy> auth_;
  std::unique_ptr<HealthMonitor> health_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace axis::app
