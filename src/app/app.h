// App: owns the configuration, the store, the services and the route table, and runs the HTTP
// server. One per process. Nothing reaches into it: each router file receives, at start-up, the
// services its handlers use (app_routes.cpp), and the services receive theirs in their
// constructors.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

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
namespace axis::evalrun { class EvalRunService; }
namespace axis::align {
class AlignService;
class AlignStore;
}
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

namespace axis::health { class HealthMonitor; }
namespace axis::plugins {
struct PluginStatus;
class RunningPlugin;
}

namespace axis::app {

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

 private:
  // Hands each router file the services its handlers use (app_routes.cpp).
  void register_routes();
  // Folder for request bodies and upload files in flight: <data-dir>/tmp/uploads.
  std::string spool_dir() const;

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
  std::unique_ptr<evalrun::EvalRunService> eval_runs_;
  std::unique_ptr<align::AlignStore> align_store_;  // null without a store
  std::unique_ptr<align::AlignService> align_;
  std::unique_ptr<database::DatabaseService> database_;
  std::unique_ptr<ingest::ExampleStore> examples_;
  std::unique_ptr<http::Metrics> metrics_;
  std::unique_ptr<http::StaticSite> site_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::CorsPolicy> cors_;
  std::unique_ptr<http::AuthPolicy> auth_;
  std::unique_ptr<health::HealthMonitor> health_;
  // Every compiled plugin's state (errors recorded at start), and the started ones: destroyed
  // first, before the services and the store they use.
  std::vector<plugins::PluginStatus> plugin_statuses_;
  std::map<std::string, std::string> plugin_tags_;
  std::vector<std::unique_ptr<plugins::RunningPlugin>> plugins_;
};

}  // namespace axis::app
