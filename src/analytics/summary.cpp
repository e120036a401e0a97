#include "analytics/summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace axis::analytics {

bool is_index_column(const std::string& name) {
  std::string n = name;
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n == "id" || n == "index" || n.ends_with("_id") || n.starts_with("unnamed:");
}

std::vector<MetricSummary> summarize_metrics(const nlohmann::ordered_json& rows) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<double>> values;
  std::map<std::string, bool> numeric;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (const auto& [key, value] : row.items()) {
      if (!numeric.count(key)) {
        numeric[key] = true;
        order.push_back(key);
      }
      if (value.is_null()) continue;
      if (!value.is_number()) {
        numeric[key] = false;
        continue;
      }
      const double v = value.get<double>();
      if (std::isfinite(v)) values[key].push_back(v);
    }
  }
  std::vector<MetricSummary> out;
  for (const std::string& name : order) {
    if (!numeric[name] || is_index_column(name) || values[name].empty()) continue;
    const auto& v = values[name];
    MetricSummary s;
    s.metric_name = name;
    s.count = static_cast<std::int64_t>(v.size());
    double sum = 0;
    std::int64_t passing = 0;
    for (double x : v) {
      sum += x;
      if (x >= 0.5) ++passing;
    }
    s.mean = sum / static_cast<double>(v.size());
    double sq = 0;
    for (double x : v) sq += (x - s.mean) * (x - s.mean);
    s.std = v.size() > 1 ? std::sqrt(sq / static_cast<double>(v.size() - 1)) : 0.0;
    s.min = *std::min_element(v.begin(), v.end());
    s.max = *std::max_element(v.begin(), v.end());
    s.passing_rate = static_cast<double>(passing) / static_cast<double>(v.size());
    out.push_back(s);
  }
  return out;
}

}  // namespace axis::analytics
