// Discovers a human-signals dataset's metric schema from its raw rows (spec data.md §2.7):
// per metric its category, signals, signal types and string values; the metadata keys shared
// by most metrics; and what kinds of values each case column will hold.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "signals/raw_rows.h"

namespace axis::signals {

// The kinds of non-null values seen for one case column, after cell_value().
struct ValueKinds {
  bool boolean = false, integer = false, real = false, text = false;
  void add(const nlohmann::ordered_json& cell);
  // BOOLEAN, BIGINT or DOUBLE when every value fits one, else VARCHAR.
  std::string sql_type() const;
};

struct MetricSchema {
  // {metrics:{<name>:{category, signals, signal_types, values}}, source_fields, has_timestamp}
  std::shared_ptr<const nlohmann::ordered_json> schema;
  // Signal keys found in more than half of the metrics (when there are at least two):
  // left out of the metrics and copied onto each case instead.
  std::set<std::string> metadata_keys;
  std::map<std::string, ValueKinds> metadata_kinds;
  // "<metric>__<signal>" for every signal of every visible metric, metrics by name, signals
  // in first-seen order, with the kinds of their values.
  std::vector<std::pair<std::string, ValueKinds>> signal_columns;
  // Visible metric names (all when visible_metrics is empty).
  std::set<std::string> visible_metrics;
  // Rows whose signals cell has text that is not a JSON or Python-literal object (read as {}).
  std::int64_t unreadable_signals = 0;
};

// Feed every raw row in file order, then finish().
class MetricSchemaBuilder {
 public:
  MetricSchemaBuilder();
  ~MetricSchemaBuilder();
  MetricSchemaBuilder(const MetricSchemaBuilder&) = delete;
  MetricSchemaBuilder& operator=(const MetricSchemaBuilder&) = delete;

  void add(const RawRow& row);
  // `visible_metrics` (human_signals_db.visible_metrics) limits the metrics; empty = all.
  MetricSchema finish(const RawLayout& layout, const std::vector<std::string>& visible_metrics);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The metric name of a raw row (trimmed), or nullopt when it is blank.
std::optional<std::string> metric_of(const RawRow& row);

// The metric schema of a stored raw table (one file-order scan).
MetricSchema read_metric_schema(store::Connection& conn, const std::string& table,
                                const RawLayout& layout,
                                const std::vector<std::string>& visible_metrics);

}  // namespace axis::signals
