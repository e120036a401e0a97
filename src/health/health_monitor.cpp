#include "health/health_monitor.h"

#include <spdlog/spdlog.h>

#include "pg/pg_ping.h"

namespace axis::health {

HealthMonitor::HealthMonitor(store::Store* store, std::vector<SourceTarget> sources,
                             std::chrono::milliseconds store_interval,
                             std::chrono::milliseconds source_interval)
    : store_(store), sources_(std::move(sources)), store_interval_(store_interval),
      source_interval_(source_interval) {
  working_.store_enabled = store_ != nullptr;
  probe_store();
  probe_sources();
  thread_ = std::thread([this] { loop(); });
}

HealthMonitor::~HealthMonitor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const HealthSnapshot> HealthMonitor::current() const {
  return published_.load(std::memory_order_acquire);
}

void HealthMonitor::probe_store() {
  if (store_ == nullptr) return;
  store::StoreProbe probe = store_->probe();
  if (!probe.writable) spdlog::warn("store health probe failed: {}", probe.error);
  std::lock_guard lock(mutex_);
  working_.store = std::move(probe);
  working_.checked_at = std::chrono::system_clock::now();
  published_.store(std::make_shared<const HealthSnapshot>(working_), std::memory_order_release);
}

void HealthMonitor::probe_sources() {
  std::map<std::string, SourceHealth> results;
  for (const SourceTarget& source : sources_) {
    auto result = pg::ping_postgres(source.url, 3);
    results[source.name] = {result == pg::PingResult::ok ? "up" : "down",
                            pg::to_string(result)};
  }
  std::lock_guard lock(mutex_);
  working_.sources = std::move(results);
  published_.store(std::make_shared<const HealthSnapshot>(working_), std::memory_order_release);
}

void HealthMonitor::loop() {
  auto next_sources = std::chrono::steady_clock::now() + source_interval_;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, store_interval_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    probe_store();
    if (!sources_.empty() && std::chrono::steady_clock::now() >= next_sources) {
      probe_sources();
      next_sources = std::chrono::steady_clock::now() + source_interval_;
    }
    lock.lock();
  }
}

double HealthMonitor::uptime_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

}  // namespace axis::health
