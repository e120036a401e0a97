#include "analytics/posted_rows.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/stats.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;

// The posted rows as columns: every key seen, and each metric column's values by row.
class Columns {
 public:
  explicit Columns(const Json& rows) : rows_(rows) {
    std::map<std::string, bool> numeric;
    for (const auto& row : rows) {
      if (!row.is_object()) continue;
      for (const auto& [key, value] : row.items()) {
        if (!numeric.count(key)) {
          numeric[key] = true;
          names_.push_back(key);
        }
        if (!value.is_null() && !value.is_number()) numeric[key] = false;
      }
    }
    for (const std::string& name : names_) {
      if (!numeric[name] || is_index_column(name)) continue;
      std::vector<std::optional<double>> values;
      bool any = false;
      for (const auto& row : rows) values.push_back(number_at(row, name, any));
      if (any) {
        metrics_.push_back(name);
        values_[name] = std::move(values);
      }
    }
  }

  bool has(const std::string& name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
  }
  const std::vector<std::string>& metrics() const { return metrics_; }
  const std::vector<std::optional<double>>& values(const std::string& metric) const {
    auto it = values_.find(metric);
    if (it == values_.end()) throw util::HttpError(400, metric_not_found(metric));
    return it->second;
  }
  // The requested metrics checked, or every metric when none is requested.
  std::vector<std::string> pick(const std::vector<std::string>& wanted) const {
    for (const std::string& m : wanted) values(m);
    return wanted.empty() ? metrics_ : wanted;
  }
  // A row's value of any column (null when absent).
  Json cell(std::size_t row, const std::string& name) const {
    const Json& r = rows_[row];
    if (!r.is_object() || !r.contains(name)) return nullptr;
    return r[name];
  }
  std::size_t row_count() const { return rows_.size(); }

 private:
  static std::optional<double> number_at(const Json& row, const std::string& name, bool& any) {
    if (!row.is_object() || !row.contains(name) || !row[name].is_number()) return std::nullopt;
    const double v = row[name].get<double>();
    if (!std::isfinite(v)) return std::nullopt;
    any = true;
    return v;
  }

  const Json& rows_;
  std::vector<std::string> names_;
  std::vector<std::string> metrics_;
  std::map<std::string, std::vector<std::optional<double>>> values_;
};

std::vector<double> present(const std::vector<std::optional<double>>& values) {
  std::vector<double> out;
  for (const auto& v : values) {
    if (v) out.push_back(*v);
  }
  return out;
}

std::string trace_name(const Json& group) {
  return group.is_string() ? group.get<std::string>() : group.dump();
}

}  // namespace

SummaryResult posted_summary(const Json& rows) {
  return {summarize_metrics(rows), static_cast<std::int64_t>(rows.size())};
}

DistributionResult posted_distribution(const Json& rows, const std::string& metric, int bins) {
  const Columns columns(rows);
  std::vector<double> values = present(columns.values(metric));
  DistributionResult out;
  out.metric = metric;
  out.values_json = Json(values).dump();
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  out.bin_edges = stats::histogram_edges(sorted.front(), sorted.back(), bins);
  out.counts.assign(out.bin_edges.size() - 1, 0);
  for (double v : values) {
    ++out.counts[static_cast<std::size_t>(stats::histogram_bin(v, out.bin_edges))];
  }
  out.mean = stats::mean(values);
  out.std = stats::sample_std(values);
  out.median = stats::quantile_linear(sorted, 0.5);
  out.q25 = stats::quantile_linear(sorted, 0.25);
  out.q75 = stats::quantile_linear(sorted, 0.75);
  return out;
}

GroupComparisonResult posted_comparison(const Json& rows, const std::string& group_by,
                                        const std::vector<std::string>& metrics) {
  const Columns columns(rows);
  if (!columns.has(group_by)) throw util::HttpError(400, group_not_found(group_by));
  GroupComparisonResult out;
  out.metrics = columns.pick(metrics);
  std::map<Json, std::vector<std::vector<double>>> by_group;  // sorted by group value
  for (std::size_t r = 0; r < columns.row_count(); ++r) {
    Json group = columns.cell(r, group_by);
    if (group.is_null()) continue;
    auto [it, inserted] = by_group.try_emplace(group, out.metrics.size());
    if (inserted) out.first_seen_groups.push_back(group.dump());
    for (std::size_t m = 0; m < out.metrics.size(); ++m) {
      if (auto v = columns.values(out.metrics[m])[r]) it->second[m].push_back(*v);
    }
  }
  for (const auto& [group, per_metric] : by_group) {
    GroupComparisonResult::Group g{group.dump(), {}};
    for (const auto& values : per_metric) {
      g.stats.push_back({stats::mean(values), stats::sample_std(values),
                         static_cast<std::int64_t>(values.size())});
    }
    out.groups.push_back(std::move(g));
  }
  return out;
}

CorrelationResult posted_correlation(const Json& rows, const std::vector<std::string>& metrics) {
  const Columns columns(rows);
  CorrelationResult out;
  out.metrics = columns.pick(metrics);
  const std::size_t k = out.metrics.size();
  if (k < 2) throw util::HttpError(400, kCorrelationNeedsTwo);
  out.matrix.assign(k, std::vector<double>(k, 0.0));
  for (std::size_t i = 0; i < k; ++i) {
    out.matrix[i][i] = 1.0;
    for (std::size_t j = i + 1; j < k; ++j) {
      const auto& a = columns.values(out.metrics[i]);
      const auto& b = columns.values(out.metrics[j]);
      std::vector<double> x, y;
      for (std::size_t r = 0; r < a.size(); ++r) {
        if (a[r] && b[r]) {
          x.push_back(*a[r]);
          y.push_back(*b[r]);
        }
      }
      out.matrix[i][j] = out.matrix[j][i] = stats::pearson(x, y);
    }
  }
  return out;
}

RadarResult posted_radar(const Json& rows, const std::vector<std::string>& metrics,
                         const std::optional<std::string>& group_by) {
  const Columns columns(rows);
  if (group_by && !columns.has(*group_by)) throw util::HttpError(400, group_not_found(*group_by));
  RadarResult out;
  out.metrics = columns.pick(metrics);
  if (out.metrics.size() < 3) throw util::HttpError(400, kRadarNeedsThree);
  std::map<Json, std::vector<std::vector<double>>> by_group;
  for (std::size_t r = 0; r < columns.row_count(); ++r) {
    Json group = group_by ? columns.cell(r, *group_by) : Json("Overall");
    if (group.is_null()) continue;
    auto& per_metric = by_group.try_emplace(group, out.metrics.size()).first->second;
    for (std::size_t m = 0; m < out.metrics.size(); ++m) {
      if (auto v = columns.values(out.metrics[m])[r]) per_metric[m].push_back(*v);
    }
  }
  if (!group_by && by_group.empty()) by_group.try_emplace(Json("Overall"), out.metrics.size());
  for (const auto& [group, per_metric] : by_group) {
    RadarResult::Trace trace{trace_name(group), {}};
    for (const auto& values : per_metric) trace.values.push_back(stats::mean(values));
    out.traces.push_back(std::move(trace));
  }
  return out;
}

ScatterResult posted_scatter(const Json& rows, const std::string& x_metric,
                             const std::string& y_metric,
                             const std::optional<std::string>& color_by) {
  const Columns columns(rows);
  const auto& xs = columns.values(x_metric);
  const auto& ys = columns.values(y_metric);
  ScatterResult out;
  out.x_metric = x_metric;
  out.y_metric = y_metric;
  const bool has_color = color_by && columns.has(*color_by);
  if (has_color) out.color_by = color_by;
  const bool has_ids = columns.has("dataset_id");
  Json x = Json::array(), y = Json::array(), color = Json::array(), ids = Json::array();
  for (std::size_t r = 0; r < columns.row_count(); ++r) {
    if (!xs[r] || !ys[r]) continue;
    x.push_back(*xs[r]);
    y.push_back(*ys[r]);
    if (has_color) color.push_back(columns.cell(r, *color_by));
    if (has_ids) ids.push_back(columns.cell(r, "dataset_id"));
  }
  out.x_json = util::json_text(x);
  out.y_json = util::json_text(y);
  out.color_json = util::json_text(color);
  if (has_ids) out.ids_json = util::json_text(ids);
  return out;
}

}  // namespace axis::analytics
