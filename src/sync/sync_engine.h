// SyncEngine: copies the configured PostgreSQL sources into the store (spec storage.md §2, §6).
// One sync per dataset at a time; each reads its table(s) into staging (split datasets: both
// halves at once), then commits the generation in one DuckDB transaction. Syncs start from the
// API (in the background), from the CLI (blocking), at start-up (sync_mode: startup) and from
// the scheduler (refresh_interval_minutes). Every sync holds an exclusive flock on
// <store file>.lock while it runs, so a second process never syncs the same file. Status is
// kept in memory.
//
// Ownership: the App owns the one engine; the store and the settings must outlive it (the
// settings are read, never copied, so they are the ones the process started with). Thread-safe:
// every method may be called from any thread. Blocking: run() blocks for the whole sync;
// start(), start_all() and start_background() return at once (the work runs on the engine's own
// threads); the destructor stops the scheduler and waits for running syncs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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
  // While syncing: "reading" (rows arriving from PostgreSQL) or "loading" (written into the
  // store), with the rows and CSV bytes received so far.
  std::optional<std::string> phase;
  std::int64_t rows_read = 0, bytes_read = 0;
};

// What GET /api/store/status shows of one configured dataset.
struct DatasetReport {
  std::string table;  // the dataset's table (the status key)
  DatasetStatus status;
  int refresh_interval_minutes = 0;
  std::optional<std::string> incremental_column;
  // Split datasets: the high-water mark of each of its two tables, in order; else empty.
  std::vector<std::pair<std::string, std::optional<std::string>>> watermarks;
};

class SyncEngine {
 public:
  // `lock_path`: the flock file (<store file>.lock); `tmp_root`: where CSV files are spooled.
  // `after_commit` (may be empty) runs on the sync's thread after a sync replaced or extended
  // its tables, e.g. to forget answers cached from the old rows.
  SyncEngine(store::Store& store, const config::Settings& settings, std::string lock_path,
             std::string tmp_root, std::function<void()> after_commit = {});
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

  // Every configured dataset's status, in configuration order (spec storage.md "Status").
  // Blocks briefly to read the watermarks from the store.
  std::vector<DatasetReport> reports() const;
  DatasetStatus status(const std::string& name) const;
  bool known(const std::string& name) const;
  bool split(const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace axis::sync
