// What the six /api/analytics endpoints compute, whether from a stored dataset (SQL) or from
// rows posted in the request (C++): the same shapes, rendered by one set of handlers.
// Arrays that can be long (values, x, y, colours, ids) are kept as JSON text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/summary.h"

namespace axis::analytics {

// The 400 messages both paths use.
inline std::string metric_not_found(const std::string& m) {
  return "Metric '" + m + "' not found";
}
inline std::string group_not_found(const std::string& g) {
  return "Group column '" + g + "' not found";
}
inline constexpr const char* kCorrelationNeedsTwo = "Correlation needs at least 2 metrics";
// A correlation is one SQL statement with a term per pair of metrics: it is kept to this many.
inline constexpr std::size_t kMaxCorrelationMetrics = 200;
inline std::string too_many_to_correlate(std::size_t metrics) {
  return "Correlation takes at most " + std::to_string(kMaxCorrelationMetrics) + " metrics, not " +
         std::to_string(metrics) + ": name them in the body's \"metrics\" list";
}
inline constexpr const char* kRadarNeedsThree = "A radar chart needs at least 3 metrics";

struct SummaryResult {
  std::vector<MetricSummary> metrics;
  std::int64_t total_records = 0;
};

struct DistributionResult {
  std::string metric;
  std::string values_json = "[]";  // the metric's values in row order
  std::vector<std::int64_t> counts;
  std::vector<double> bin_edges;
  double mean = 0, median = 0, std = 0, q25 = 0, q75 = 0;
};

struct GroupStats {
  double mean = 0, std = 0;
  std::int64_t count = 0;
};

struct GroupComparisonResult {
  std::vector<std::string> metrics;
  struct Group {
    std::string value_json;        // the group's value as JSON (string or number)
    std::vector<GroupStats> stats;  // one per metric
  };
  std::vector<Group> groups;                    // sorted by value
  std::vector<std::string> first_seen_groups;   // JSON values, first-seen order
};

struct CorrelationResult {
  std::vector<std::string> metrics;
  std::vector<std::vector<double>> matrix;  // Pearson r, pairwise complete; 0 when undefined
};

struct RadarResult {
  std::vector<std::string> metrics;
  struct Trace {
    std::string name;
    std::vector<double> values;  // mean per metric, 0 when the group has none
  };
  std::vector<Trace> traces;
};

struct ScatterResult {
  std::string x_metric, y_metric;
  std::string x_json = "[]", y_json = "[]";
  std::optional<std::string> color_by;  // set when the colour column exists
  std::string color_json = "[]";
  std::optional<std::string> ids_json;  // dataset_id per point, when the data has it
};

}  // namespace axis::analytics
