// Per-metric summary statistics of evaluation rows posted by a client.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace axis::analytics {

struct MetricSummary {
  std::string metric_name;
  double mean = 0, std = 0, min = 0, max = 0;  // std is the sample standard deviation
  std::int64_t count = 0;                       // rows with a finite numeric value
  double passing_rate = 0;                      // fraction of values >= 0.5
};

// Metrics are the columns whose non-null values are all numbers (booleans excluded), except
// identifier columns (id, index, *_id). Columns keep their first-seen order. rows must be an
// array of objects; other elements are skipped.
std::vector<MetricSummary> summarize_metrics(const nlohmann::ordered_json& rows);

// True for column names that identify a row rather than measure it.
bool is_index_column(const std::string& name);

}  // namespace axis::analytics
