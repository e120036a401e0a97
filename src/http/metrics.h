// Metrics: request counters and latency histograms per route, plus the in-flight gauge, in
// Prometheus text format. Thread-safe; record() is cheap (one short mutex hold).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace axis::http {

class Metrics {
 public:
  // Latency bucket upper bounds, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  // route is the matched pattern ("/api/config/theme"), or "unmatched"/"static" otherwise.
  void record(const std::string& method, const std::string& route, int status, double seconds);
  void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void request_finished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

  // Extra gauges are sampled at render time (e.g. the store file size). name -> help, value.
  struct Gauge {
    std::string name, help;
    std::function<double()> value;
  };
  // Prometheus exposition text (version 0.0.4).
  std::string render(const std::vector<Gauge>& gauges) const;

 private:
  struct Series {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // method,route,status
  std::map<std::pair<std::string, std::string>, Series> latency_;                 // method,route
  std::atomic<std::int64_t> in_flight_{0};
};

}  // namespace axis::http
