#include "analytics/analytics_service.h"

#include <algorithm>
#include <map>

#include "analytics/eval_dataset.h"
#include "analytics/stats.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

// The dataset's scored rows under fixed names: row_id, case_key (dataset_id), experiment,
// metric_name, score — plus `extra` columns.
std::string scored_rows(const EvalDataset& d, const std::string& extra = "") {
  return "SELECT rowid AS row_id, " + d.case_id() + " AS case_key, " + d.experiment() +
         " AS experiment, " + d.text("metric_name") + " AS metric_name, " + d.score() +
         " AS score" + extra + " FROM " + d.table() + " WHERE isfinite(" + d.score() + ")";
}

// The dataset's metrics in first-seen order (from the summary table).
std::vector<std::string> all_metrics(store::Connection& conn, const SummaryTableNames& names) {
  std::vector<std::string> out;
  conn.execute("SELECT metric_name FROM " + names.metrics +
               " WHERE all_experiments ORDER BY first_row")
      .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

// `wanted` checked against the dataset's metrics; empty means all of them.
std::vector<std::string> pick_metrics(const std::vector<std::string>& available,
                                      const std::vector<std::string>& wanted) {
  if (wanted.empty()) return available;
  for (const std::string& m : wanted) {
    if (std::find(available.begin(), available.end(), m) == available.end()) {
      throw util::HttpError(400, metric_not_found(m));
    }
  }
  return wanted;
}

std::vector<store::Value> as_values(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

}  // namespace

SummaryResult AnalyticsService::summary(const std::string& dataset_id) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  SummaryResult out;
  conn->execute("SELECT metric_name, mean, std, min, max, n, passing / n FROM " + names.metrics +
                " WHERE all_experiments ORDER BY first_row")
      .for_each_row([&](const auto& row) {
        MetricSummary m;
        m.metric_name = row[0].value_or("");
        m.mean = store::cell_double(row[1]);
        m.std = store::cell_double(row[2]);
        m.min = store::cell_double(row[3]);
        m.max = store::cell_double(row[4]);
        m.count = store::cell_int(row[5]);
        m.passing_rate = store::cell_double(row[6]);
        out.metrics.push_back(std::move(m));
      });
  out.total_records = store::cell_int(conn->execute("SELECT count(*) FROM " + d.table()).scalar());
  return out;
}

DistributionResult AnalyticsService::distribution(const std::string& dataset_id,
                                                  const std::string& metric, int bins) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  auto conn = catalog_.store().connection();
  const std::string rows = "SELECT * FROM (" + scored_rows(d) + ") WHERE metric_name = ?";
  DistributionResult out;
  out.metric = metric;
  std::int64_t n = 0;
  double lo = 0, hi = 0;
  conn->query("SELECT count(*), CAST(to_json(list(score ORDER BY row_id)) AS VARCHAR), min(score),"
              " max(score), avg(score), coalesce(stddev_samp(score), 0),"
              " quantile_cont(score, 0.5), quantile_cont(score, 0.25),"
              " quantile_cont(score, 0.75) FROM (" + rows + ")",
              {metric})
      .for_each_row([&](const auto& row) {
        n = store::cell_int(row[0]);
        out.values_json = row[1].value_or("[]");
        lo = store::cell_double(row[2]);
        hi = store::cell_double(row[3]);
        out.mean = store::cell_double(row[4]);
        out.std = store::cell_double(row[5]);
        out.median = store::cell_double(row[6]);
        out.q25 = store::cell_double(row[7]);
        out.q75 = store::cell_double(row[8]);
      });
  if (n == 0) throw util::HttpError(400, metric_not_found(metric));
  out.bin_edges = stats::histogram_edges(lo, hi, bins);
  out.counts.assign(out.bin_edges.size() - 1, 0);
  const double first = out.bin_edges.front();
  const double step = (out.bin_edges.back() - first) / bins;
  const double norm = bins / (out.bin_edges.back() - first);
  // The bin from the float estimate, corrected against the edges (as stats::histogram_bin).
  const std::string estimate =
      "CAST(least(greatest(floor((score - ?) * ?), 0), ? - 1) AS BIGINT)";
  conn->query("SELECT CASE WHEN i > 0 AND score < ? + i * ? THEN i - 1"
              " WHEN i < ? - 1 AND score >= ? + (i + 1) * ? THEN i + 1 ELSE i END AS bin,"
              " count(*) FROM (SELECT score, " + estimate + " AS i FROM (" + rows +
              ")) GROUP BY bin",
              {first, step, std::int64_t{bins}, first, step, first, norm, std::int64_t{bins},
               metric})
      .for_each_row([&](const auto& row) {
        const std::int64_t bin = store::cell_int(row[0]);
        if (bin >= 0 && bin < bins) out.counts[static_cast<std::size_t>(bin)] += store::cell_int(row[1]);
      });
  return out;
}

GroupComparisonResult AnalyticsService::comparison(const std::string& dataset_id,
                                                   const std::string& group_by,
                                                   const std::vector<std::string>& metrics) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  if (!d.has(group_by)) throw util::HttpError(400, group_not_found(group_by));
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  GroupComparisonResult out;
  out.metrics = pick_metrics(all_metrics(*conn, names), metrics);
  if (out.metrics.empty()) return out;
  std::map<std::string, std::size_t> metric_index;
  for (std::size_t i = 0; i < out.metrics.size(); ++i) metric_index[out.metrics[i]] = i;

  std::vector<std::pair<std::int64_t, std::string>> first_seen;
  conn->query("SELECT CAST(to_json(g) AS VARCHAR), metric_name, avg(score),"
              " coalesce(stddev_samp(score), 0), count(*), min(row_id) FROM (" +
              scored_rows(d, ", " + d.column(group_by) + " AS g") +
              ") WHERE g IS NOT NULL AND metric_name IN (" + store::placeholders(out.metrics.size()) +
              ") GROUP BY g, metric_name ORDER BY g",
              as_values(out.metrics))
      .for_each_row([&](const auto& row) {
        const std::string group = row[0].value_or("null");
        if (out.groups.empty() || out.groups.back().value_json != group) {
          out.groups.push_back({group, std::vector<GroupStats>(out.metrics.size())});
          first_seen.emplace_back(store::cell_int(row[5]), group);
        }
        auto& stats = out.groups.back().stats[metric_index[row[1].value_or("")]];
        stats = {store::cell_double(row[2]), store::cell_double(row[3]), store::cell_int(row[4])};
        first_seen.back().first = std::min(first_seen.back().first, store::cell_int(row[5]));
      });
  std::sort(first_seen.begin(), first_seen.end());
  for (const auto& [row, group] : first_seen) out.first_seen_groups.push_back(group);
  return out;
}

CorrelationResult AnalyticsService::correlation(const std::string& dataset_id,
                                                const std::vector<std::string>& metrics) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  CorrelationResult out;
  out.metrics = pick_metrics(all_metrics(*conn, names), metrics);
  const std::size_t k = out.metrics.size();
  if (k < 2) throw util::HttpError(400, kCorrelationNeedsTwo);
  // One row per case, one column per metric, then Pearson for each pair of columns.
  std::string pivot, pairs;
  for (std::size_t i = 0; i < k; ++i) {
    pivot += ", avg(score) FILTER (WHERE metric_name = ?) AS m" + std::to_string(i);
    for (std::size_t j = i + 1; j < k; ++j) {
      pairs += std::string(pairs.empty() ? "" : ", ") + "corr(m" + std::to_string(i) + ", m" +
               std::to_string(j) + ")";
    }
  }
  std::vector<store::Value> values = as_values(out.metrics);
  for (const std::string& m : out.metrics) values.emplace_back(m);
  out.matrix.assign(k, std::vector<double>(k, 0.0));
  for (std::size_t i = 0; i < k; ++i) out.matrix[i][i] = 1.0;
  conn->query("SELECT " + pairs + " FROM (SELECT case_key" + pivot + " FROM (" + scored_rows(d) +
              ") WHERE metric_name IN (" + store::placeholders(k) + ") GROUP BY case_key, experiment)",
              values)
      .for_each_row([&](const auto& row) {
        std::size_t cell = 0;
        for (std::size_t i = 0; i < k; ++i) {
          for (std::size_t j = i + 1; j < k; ++j) {
            const double r = std::clamp(store::cell_double(row[cell++]), -1.0, 1.0);
            out.matrix[i][j] = out.matrix[j][i] = r;
          }
        }
      });
  return out;
}

RadarResult AnalyticsService::radar(const std::string& dataset_id,
                                    const std::vector<std::string>& metrics,
                                    const std::optional<std::string>& group_by) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  if (group_by && !d.has(*group_by)) throw util::HttpError(400, group_not_found(*group_by));
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  RadarResult out;
  out.metrics = pick_metrics(all_metrics(*conn, names), metrics);
  if (out.metrics.size() < 3) throw util::HttpError(400, kRadarNeedsThree);
  std::map<std::string, std::size_t> metric_index;
  for (std::size_t i = 0; i < out.metrics.size(); ++i) metric_index[out.metrics[i]] = i;

  // Ungrouped means come from the summary table; grouped ones from the rows.
  const std::string sql =
      group_by ? "SELECT g, metric_name, avg(score) FROM (" +
                     scored_rows(d, ", " + d.text(*group_by) + " AS g") +
                     ") WHERE g IS NOT NULL AND metric_name IN (" +
                     store::placeholders(out.metrics.size()) + ") GROUP BY g, metric_name ORDER BY g"
               : "SELECT 'Overall', metric_name, mean FROM " + names.metrics +
                     " WHERE all_experiments AND metric_name IN (" +
                     store::placeholders(out.metrics.size()) + ")";
  conn->query(sql, as_values(out.metrics))
      .for_each_row([&](const auto& row) {
        const std::string name = row[0].value_or("");
        if (out.traces.empty() || out.traces.back().name != name) {
          out.traces.push_back({name, std::vector<double>(out.metrics.size(), 0.0)});
        }
        out.traces.back().values[metric_index[row[1].value_or("")]] = store::cell_double(row[2]);
      });
  if (!group_by && out.traces.empty()) {
    out.traces.push_back({"Overall", std::vector<double>(out.metrics.size(), 0.0)});
  }
  return out;
}

ScatterResult AnalyticsService::scatter(const std::string& dataset_id, const std::string& x_metric,
                                        const std::string& y_metric,
                                        const std::optional<std::string>& color_by) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  const std::vector<std::string> available = all_metrics(*conn, names);
  pick_metrics(available, {x_metric, y_metric});
  ScatterResult out;
  out.x_metric = x_metric;
  out.y_metric = y_metric;
  const bool has_color = color_by && d.has(*color_by);
  if (has_color) out.color_by = color_by;
  const std::string color = has_color ? d.column(*color_by) : "NULL";
  // One point per case that has both metrics, in first-seen order.
  conn->query("SELECT CAST(to_json(coalesce(list(x ORDER BY first_row), [])) AS VARCHAR),"
              " CAST(to_json(coalesce(list(y ORDER BY first_row), [])) AS VARCHAR),"
              " CAST(to_json(coalesce(list(color ORDER BY first_row), [])) AS VARCHAR),"
              " CAST(to_json(coalesce(list(case_key ORDER BY first_row), [])) AS VARCHAR)"
              " FROM (SELECT case_key, avg(score) FILTER (WHERE metric_name = ?) AS x,"
              " avg(score) FILTER (WHERE metric_name = ?) AS y,"
              " arg_min_null(color, row_id) AS color, min(row_id) AS first_row FROM (" +
              scored_rows(d, ", " + color + " AS color") + ") WHERE metric_name IN (?, ?)"
              " GROUP BY case_key, experiment) WHERE x IS NOT NULL AND y IS NOT NULL",
              {x_metric, y_metric, x_metric, y_metric})
      .for_each_row([&](const auto& row) {
        out.x_json = row[0].value_or("[]");
        out.y_json = row[1].value_or("[]");
        out.color_json = row[2].value_or("[]");
        if (d.has("dataset_id")) out.ids_json = row[3].value_or("[]");
      });
  return out;
}

}  // namespace axis::analytics
