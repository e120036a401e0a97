#include "http/metrics.h"

#include <charconv>
#include <sstream>
#include <tuple>

namespace axis::http {
namespace {

std::string label_escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') { out += "\\n"; continue; }
    out.push_back(c);
  }
  return out;
}

// Shortest text that reads back as the same double ("0.0005", not "0.00050000000000000001").
std::string number(double v) {
  char buf[352];  // fixed notation of the largest double fits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Series& s = latency_[{method, route}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
  ++s.count;
  s.sum += seconds;
}

std::string Metrics::render(const std::vector<Gauge>& gauges) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP axis_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE axis_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out << "axis_http_requests_total{method=\"" << method << "\",route=\"" << label_escape(route)
        << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP axis_http_request_duration_seconds Request latency by method and route.\n"
      << "# TYPE axis_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : latency_) {
    const std::string labels =
        "method=\"" + key.first + "\",route=\"" + label_escape(key.second) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "axis_http_request_duration_seconds_bucket{" << labels << ",le=\""
          << number(kBuckets[i]) << "\"} " << s.buckets[i] << "\n";
    }
    out << "axis_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << s.count
        << "\n";
    out << "axis_http_request_duration_seconds_sum{" << labels << "} " << number(s.sum) << "\n";
    out << "axis_http_request_duration_seconds_count{" << labels << "} " << s.count << "\n";
  }
  out << "# HELP axis_http_requests_in_flight Requests being served now.\n"
      << "# TYPE axis_http_requests_in_flight gauge\n"
      << "axis_http_requests_in_flight " << in_flight() << "\n";
  for (const Gauge& g : gauges) {
    out << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " gauge\n"
        << g.name << " " << number(g.value()) << "\n";
  }
  return out.str();
}

}  // namespace axis::http
