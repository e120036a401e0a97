// SyncEngine: copies the configured PostgreSQL sources into the store (spec storage.md §2, §6).
// One sync per dataset at a time; each reads its table(s) into staging (split datasets: both
// halves at once), then commits the generation in one DuckDB transaction. Syncs start from the
// API (in the background), from the CLI (blocking), at start-up (sync_mode: startup) and from
// the scheduler (refresh_interval_minutes). Every sync holds an exclusive flock on
// <store file>.lock while it runs, so a second process never syncs the same file. Status is
// kept in memory. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/settings.h"
#include "sync/sync_target.h"

namespace axis::store { class Store; }

namespace axis::sync {

struct DatasetStatus {
  std::string state = "not_synced";  // not_synced | syncing | ready | error
  std::int64_t rows = 0;
  std::optional<std::string> last_sync, error, last_incremental;  // times in ISO 8601 UTC
  bool truncated = false;
  std::optional<std::string> sync_type;  // full | incremental
  std::int64_t incremental_rows = 0;
};

class SyncEngine {
 public:
  // `lock_path`: the flock file (<store file>.lock); `tmp_root`: where CSV files are spooled.
  SyncEngine(store::Store& store, const config::Settings& settings, std::string lock_path,
             std::string tmp_root);
  ~SyncEngine();  // stops the scheduler and waits for running syncs
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  enum class Start { started, busy, unknown };
  // Starts one dataset's sync in the background (busy: it is syncing already).
  Start start(const std::string& name, bool full);
  // Starts every syncable dataset; false (nothing started) when any of them is syncing.
  bool start_all(bool full);
  // Runs one dataset's sync now and returns its status afterwards (state ready or error).
  DatasetStatus run(const std::string& name, bool full);
  // Clears a split dataset's watermarks; false for kpi (single) or an unknown name.
  bool reset_watermarks(const std::string& name);
  // Start-up sync (sync_mode startup) and the periodic scheduler.
  void start_background();

  // {success, enabled, datasets{<table>: {...}}} (spec storage.md "Status").
  std::string status_json() const;
  DatasetStatus status(const std::string& name) const;
  bool known(const std::string& name) const { return find_target(targets_, name) != nullptr; }
  bool split(const std::string& name) const;

 private:
  void sync(const SyncTarget& target, bool full);
  void launch(const SyncTarget& target, bool full);  // runs a claimed sync on a thread
  bool claim(const SyncTarget& target);               // not syncing → syncing
  // Runs `job` on a new thread; threads that have finished are joined first. Needs mutex_.
  void spawn_locked(std::function<void()> job);
  void scheduler_loop();
  void finish_threads();
  void remove_leftovers();

  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };

  store::Store& store_;
  const config::Settings& settings_;
  std::string lock_path_, tmp_root_;
  std::vector<SyncTarget> targets_;
  mutable std::mutex mutex_;
  std::map<std::string, DatasetStatus> status_;
  std::mutex commit_mutex_;  // one generation commit at a time
  std::vector<Worker> threads_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread scheduler_;
};

}  // namespace axis::sync
