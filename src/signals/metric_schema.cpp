#include "signals/metric_schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "config/env.h"
#include "signals/signal_cells.h"
#include "signals/signal_expand.h"

namespace axis::signals {

using Json = nlohmann::ordered_json;

// Named (not anonymous) because MetricSchemaBuilder::State, a type with external linkage, holds
// them.
namespace metric_schema_stats {

struct SignalStats {
  std::string type;              // empty until the first non-null value
  std::set<std::string> values;  // distinct non-blank texts, for string signals
  ValueKinds kinds;
};

struct MetricStats {
  std::string category;
  std::vector<std::string> order;  // signal keys, first seen first
  std::map<std::string, SignalStats> signals;
};

}  // namespace metric_schema_stats

using metric_schema_stats::MetricStats;
using metric_schema_stats::SignalStats;

namespace {

// A value as text for the values list of a string signal (Python's str() of a decoded value).
std::string value_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
  return python_json_text(value);
}

}  // namespace

void ValueKinds::add(const nlohmann::ordered_json& cell) {
  if (cell.is_boolean()) boolean = true;
  else if (cell.is_number_integer()) integer = true;
  else if (cell.is_number()) real = true;
  else if (!cell.is_null()) text = true;
}

std::string ValueKinds::sql_type() const {
  if (text || (boolean && (integer || real))) return "VARCHAR";
  if (boolean) return "BOOLEAN";
  if (real) return "DOUBLE";
  if (integer) return "BIGINT";
  return "VARCHAR";
}

struct MetricSchemaBuilder::State {
  std::map<std::string, MetricStats> metrics;  // by name, so sorted
  std::map<std::string, ValueKinds> key_kinds;
  std::int64_t unreadable = 0;
};

MetricSchemaBuilder::MetricSchemaBuilder() : state_(std::make_unique<State>()) {}
MetricSchemaBuilder::~MetricSchemaBuilder() = default;

std::optional<std::string> metric_of(const RawRow& row) {
  const auto& name = row[RawColumn::metric_name];
  if (!name) return std::nullopt;
  std::string trimmed = config::detail::trim(*name);
  if (trimmed.empty()) return std::nullopt;
  return trimmed;
}

void MetricSchemaBuilder::add(const RawRow& row) {
  const auto name = metric_of(row);
  if (!name) return;
  auto [it, created] = state_->metrics.try_emplace(*name);
  MetricStats& metric = it->second;
  if (created) {
    const auto& category = row[RawColumn::metric_category];
    const std::string text = category ? config::detail::to_lower(config::detail::trim(*category)) : "";
    metric.category = text.empty() ? "classification" : text;
  }
  const auto& cell = row[RawColumn::signals];
  if (!cell || cell->find_first_not_of(" \t\r\n") == std::string::npos) return;
  const auto parsed = parse_structured(*cell);
  if (!parsed || !parsed->is_object()) {
    ++state_->unreadable;
    return;
  }
  const Json signals = expand_signals(*parsed);
  for (const auto& [key, value] : signals.items()) {
    auto [sig, is_new] = metric.signals.try_emplace(key);
    if (is_new) metric.order.push_back(key);
    SignalStats& stats = sig->second;
    if (stats.type.empty() && !value.is_null()) stats.type = signal_type(value);
    if (stats.type == "string" && !value.is_null()) {
      std::string text = value_text(value);
      if (!config::detail::trim(text).empty()) stats.values.insert(std::move(text));
    }
    const Json cell_json = cell_value(value);
    stats.kinds.add(cell_json);
    state_->key_kinds[key].add(cell_json);
  }
}

MetricSchema MetricSchemaBuilder::finish(const RawLayout& layout,
                                         const std::vector<std::string>& visible_metrics) {
  MetricSchema out;
  out.unreadable_signals = state_->unreadable;
  const auto& metrics = state_->metrics;

  std::map<std::string, std::size_t> metrics_with_key;
  for (const auto& [name, metric] : metrics) {
    for (const auto& key : metric.order) ++metrics_with_key[key];
  }
  if (metrics.size() >= 2) {
    for (const auto& [key, count] : metrics_with_key) {
      if (count * 2 > metrics.size()) {
        out.metadata_keys.insert(key);
        out.metadata_kinds[key] = state_->key_kinds[key];
      }
    }
  }

  Json schema_metrics = Json::object();
  for (const auto& [name, metric] : metrics) {
    if (!visible_metrics.empty() &&
        std::find(visible_metrics.begin(), visible_metrics.end(), name) == visible_metrics.end()) {
      continue;
    }
    out.visible_metrics.insert(name);
    Json signals = Json::array();
    Json types = Json::object();
    Json values = Json::object();
    for (const auto& key : metric.order) {
      if (out.metadata_keys.count(key) != 0) continue;
      const SignalStats& stats = metric.signals.at(key);
      signals.push_back(key);
      types[key] = stats.type.empty() ? "unknown" : stats.type;
      if (stats.type == "string" && !stats.values.empty()) values[key] = stats.values;
      out.signal_columns.emplace_back(name + "__" + key, stats.kinds);
    }
    schema_metrics[name] = {{"category", metric.category}, {"signals", signals},
                            {"signal_types", types}, {"values", values}};
  }

  Json source_fields = Json::array();
  for (RawColumn field : kSourceFields) {
    if (layout.has(field)) source_fields.push_back(raw_column_name(field));
  }
  out.schema = std::make_shared<const Json>(Json{{"metrics", schema_metrics},
                                                 {"source_fields", source_fields},
                                                 {"has_timestamp", layout.has(RawColumn::timestamp)}});
  return out;
}

MetricSchema read_metric_schema(store::Connection& conn, const std::string& table,
                                const RawLayout& layout,
                                const std::vector<std::string>& visible_metrics) {
  MetricSchemaBuilder builder;
  scan_in_file_order(conn, table, layout, [&](const RawRow& row) { builder.add(row); });
  return builder.finish(layout, visible_metrics);
}

}  // namespace axis::signals
