#include "app/sync_command.h"

#include <iostream>

#include "store/store.h"
#include "store/store_error.h"
#include "sync/sync_engine.h"

namespace axis::app {

int run_sync_command(const config::Settings& settings, const std::string& dataset, bool full) {
  const auto targets = sync::sync_targets(settings);
  std::vector<std::string> names;
  if (!dataset.empty()) {
    const sync::SyncTarget* t = sync::find_target(targets, dataset);
    if (t == nullptr) {
      std::cerr << "unknown dataset '" << dataset << "' (monitoring, human_signals, eval, kpi)\n";
      return 2;
    }
    if (!t->syncable()) {
      std::cerr << dataset << ": " << t->source->name
                << " is not enabled or not configured (url or host, and its queries)\n";
      return 2;
    }
    names.push_back(dataset);
  } else {
    for (const auto& t : targets) {
      if (t.syncable()) names.push_back(t.name);
    }
    if (names.empty()) {
      std::cerr << "no dataset is configured for sync\n";
      return 2;
    }
  }
  if (!settings.store.enabled) {
    std::cerr << "the store is disabled (duckdb.yaml enabled: false)\n";
    return 2;
  }
  try {
    const auto& s = settings.store;
    store::Store store({s.path, s.memory_limit, s.threads, s.query_concurrency});
    sync::SyncEngine engine(store, settings, s.path + ".lock", settings.server.data_dir + "/tmp");
    int failed = 0;
    for (const std::string& name : names) {
      const sync::DatasetStatus status = engine.run(name, full);
      if (status.state == "ready") {
        std::cout << name << ": " << *status.sync_type << " sync, " << status.rows << " rows"
                  << (status.truncated ? " (truncated at max_sync_rows)" : "") << "\n";
      } else {
        std::cerr << name << ": sync failed: " << status.error.value_or("unknown error") << "\n";
        ++failed;
      }
    }
    return failed == 0 ? 0 : 1;
  } catch (const store::StoreError& e) {
    std::cerr << "cannot open the store: " << e.what() << "\n";
    return 3;
  }
}

}  // namespace axis::app
