// HealthMonitor: probes the store and every configured PostgreSQL source in the background and
// keeps the latest result, so GET /health answers instantly and never blocks on a slow probe.
// Thread-safe. The store probe runs every `store_interval`, source probes every
// `source_interval`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace axis::health {

struct SourceTarget {
  std::string name;  // "eval_db", ...
  std::string url;   // libpq URL (secret: never logged or returned)
};

struct SourceHealth {
  std::string status = "unknown";  // "up" or "down"
  std::string detail;              // e.g. "no response"
};

struct HealthSnapshot {
  bool store_enabled = false;
  store::StoreProbe store;
  std::map<std::string, SourceHealth> sources;
  std::chrono::system_clock::time_point checked_at{};
  bool healthy() const { return !store_enabled || (store.open && store.writable); }
};

class HealthMonitor {
 public:
  // store may be null (store disabled). Probes once synchronously before returning.
  HealthMonitor(store::Store* store, std::vector<SourceTarget> sources,
                std::chrono::milliseconds store_interval = std::chrono::seconds(2),
                std::chrono::milliseconds source_interval = std::chrono::seconds(15));
  ~HealthMonitor();  // stops the background thread
  HealthMonitor(const HealthMonitor&) = delete;
  HealthMonitor& operator=(const HealthMonitor&) = delete;

  HealthSnapshot snapshot() const { return *current(); }
  // The latest snapshot; a new object after every probe, so callers can cache what they derive
  // from it by pointer.
  std::shared_ptr<const HealthSnapshot> current() const;
  // Seconds since the monitor was made, which the application does right after opening the store.
  double uptime_seconds() const;

 private:
  void probe_store();
  void probe_sources();
  void loop();

  store::Store* store_;
  std::vector<SourceTarget> sources_;
  std::chrono::milliseconds store_interval_, source_interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  HealthSnapshot working_;                              // guarded by mutex_
  std::atomic<std::shared_ptr<const HealthSnapshot>> published_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::thread thread_;
};

}  // namespace axis::health
