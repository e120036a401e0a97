#include "analytics/analytics_service.h"

#include <algorithm>
#include <map>

#include "analytics/dataset_scores.h"
#include "analytics/posted_scores.h"
#include "analytics/stats.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

// The metrics in first-seen order.
std::vector<std::string> all_metrics(ScoreSource& src) {
  std::vector<std::string> out;
  src.connection()
      .execute("SELECT metric_name FROM " + src.metrics() +
               " WHERE all_experiments ORDER BY first_row")
      .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

// `wanted` checked against the available metrics; empty means all of them.
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

std::map<std::string, std::size_t> index_of(const std::vector<std::string>& names) {
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < names.size(); ++i) out[names[i]] = i;
  return out;
}

}  // namespace

std::unique_ptr<ScoreSource> AnalyticsService::open(const AnalyticsRows& rows) const {
  if (const auto* posted = std::get_if<PostedRows>(&rows)) {
    return std::make_unique<PostedScores>(catalog_.store(), posted->json_file,
                                          max_posted_columns_);
  }
  return std::make_unique<DatasetScores>(catalog_, summaries_,
                                         std::get<StoredRows>(rows).dataset_id);
}

SummaryResult AnalyticsService::summary(const AnalyticsRows& rows) const {
  const auto src = open(rows);
  SummaryResult out;
  src->connection()
      .execute("SELECT metric_name, mean, std, min, max, n, passing / n FROM " + src->metrics() +
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
  out.total_records = src->total_records();
  return out;
}

DistributionResult AnalyticsService::distribution(const AnalyticsRows& input,
                                                  const std::string& metric, int bins) const {
  const auto src = open(input);
  store::Connection& conn = src->connection();
  const std::string rows = "SELECT * FROM (" + src->rows({}) + ") WHERE metric_name = ?";
  DistributionResult out;
  out.metric = metric;
  std::int64_t n = 0;
  double lo = 0, hi = 0;
  conn.query("SELECT n, v, lo, hi, mean, std, q[1], q[2], q[3] FROM (SELECT count(*) AS n,"
             " CAST(to_json(list(score ORDER BY row_id)) AS VARCHAR) AS v, min(score) AS lo,"
             " max(score) AS hi, avg(score) AS mean, coalesce(stddev_samp(score), 0) AS std,"
             " quantile_cont(score, [0.5, 0.25, 0.75]) AS q FROM (" + rows + "))",
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
  conn.query("SELECT CASE WHEN i > 0 AND score < ? + i * ? THEN i - 1"
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

GroupComparisonResult AnalyticsService::comparison(const AnalyticsRows& input,
                                                   const std::string& group_by,
                                                   const std::vector<std::string>& metrics) const {
  const auto src = open(input);
  if (!src->has(group_by)) throw util::HttpError(400, group_not_found(group_by));
  GroupComparisonResult out;
  out.metrics = pick_metrics(all_metrics(*src), metrics);
  if (out.metrics.empty()) return out;
  const auto metric_index = index_of(out.metrics);

  std::vector<std::pair<std::int64_t, std::string>> first_seen;
  src->connection()
      .query("SELECT " + src->json("c0") + ", metric_name, avg(score),"
             " coalesce(stddev_samp(score), 0), count(*), min(row_id) FROM (" +
             src->rows({group_by}) + ") WHERE c0 IS NOT NULL AND metric_name IN (" +
             store::placeholders(out.metrics.size()) + ") GROUP BY c0, metric_name ORDER BY " +
             src->order("c0"),
             as_values(out.metrics))
      .for_each_row([&](const auto& row) {
        const std::string group = row[0].value_or("null");
        if (out.groups.empty() || out.groups.back().value_json != group) {
          out.groups.push_back({group, std::vector<GroupStats>(out.metrics.size())});
          first_seen.emplace_back(store::cell_int(row[5]), group);
        }
        auto& stats = out.groups.back().stats[metric_index.at(row[1].value_or(""))];
        stats = {store::cell_double(row[2]), store::cell_double(row[3]), store::cell_int(row[4])};
        first_seen.back().first = std::min(first_seen.back().first, store::cell_int(row[5]));
      });
  std::sort(first_seen.begin(), first_seen.end());
  for (const auto& [row, group] : first_seen) out.first_seen_groups.push_back(group);
  return out;
}

CorrelationResult AnalyticsService::correlation(const AnalyticsRows& input,
                                                const std::vector<std::string>& metrics) const {
  const auto src = open(input);
  CorrelationResult out;
  out.metrics = pick_metrics(all_metrics(*src), metrics);
  const std::size_t k = out.metrics.size();
  if (k < 2) throw util::HttpError(400, kCorrelationNeedsTwo);
  if (k > kMaxCorrelationMetrics) throw util::HttpError(400, too_many_to_correlate(k));
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
  src->connection()
      .query("SELECT " + pairs + " FROM (SELECT case_key" + pivot + " FROM (" + src->rows({}) +
             ") WHERE metric_name IN (" + store::placeholders(k) +
             ") GROUP BY case_key, experiment)",
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

RadarResult AnalyticsService::radar(const AnalyticsRows& input,
                                    const std::vector<std::string>& metrics,
                                    const std::optional<std::string>& group_by) const {
  const auto src = open(input);
  if (group_by && !src->has(*group_by)) throw util::HttpError(400, group_not_found(*group_by));
  RadarResult out;
  out.metrics = pick_metrics(all_metrics(*src), metrics);
  if (out.metrics.size() < 3) throw util::HttpError(400, kRadarNeedsThree);
  const auto metric_index = index_of(out.metrics);

  // Ungrouped means are the metrics' own; grouped ones come from the rows, one trace per value.
  const std::string in = " metric_name IN (" + store::placeholders(out.metrics.size()) + ")";
  const std::string sql =
      group_by ? "SELECT " + src->json("c0") + ", " + src->text("c0") +
                     ", metric_name, avg(score) FROM (" + src->rows({*group_by}) +
                     ") WHERE c0 IS NOT NULL AND" + in + " GROUP BY c0, metric_name ORDER BY " +
                     src->order("c0")
               : "SELECT NULL, 'Overall', metric_name, mean FROM " + src->metrics() +
                     " WHERE all_experiments AND" + in;
  std::optional<std::string> group;
  src->connection().query(sql, as_values(out.metrics)).for_each_row([&](const auto& row) {
    if (out.traces.empty() || row[0] != group) {
      group = row[0];
      out.traces.push_back({row[1].value_or(""), std::vector<double>(out.metrics.size(), 0.0)});
    }
    out.traces.back().values[metric_index.at(row[2].value_or(""))] = store::cell_double(row[3]);
  });
  if (!group_by && out.traces.empty()) {
    out.traces.push_back({"Overall", std::vector<double>(out.metrics.size(), 0.0)});
  }
  return out;
}

ScatterResult AnalyticsService::scatter(const AnalyticsRows& input, const std::string& x_metric,
                                        const std::string& y_metric,
                                        const std::optional<std::string>& color_by) const {
  const auto src = open(input);
  pick_metrics(all_metrics(*src), {x_metric, y_metric});
  ScatterResult out;
  out.x_metric = x_metric;
  out.y_metric = y_metric;
  const bool has_color = color_by && src->has(*color_by);
  if (has_color) out.color_by = color_by;
  const bool has_ids = src->has_ids();
  const std::string rows =
      src->rows(has_color ? std::vector<std::string>{*color_by} : std::vector<std::string>{},
                has_ids);
  // One point per case that has both metrics, in first-seen order.
  src->connection()
      .query("SELECT CAST(to_json(coalesce(list(x ORDER BY first_row), [])) AS VARCHAR),"
             " CAST(to_json(coalesce(list(y ORDER BY first_row), [])) AS VARCHAR),"
             " CAST(to_json(coalesce(list(color ORDER BY first_row), [])) AS VARCHAR),"
             " CAST(to_json(coalesce(list(ident ORDER BY first_row), [])) AS VARCHAR)"
             " FROM (SELECT case_key, avg(score) FILTER (WHERE metric_name = ?) AS x,"
             " avg(score) FILTER (WHERE metric_name = ?) AS y, arg_min_null(" +
             std::string(has_color ? "c0" : "NULL") + ", row_id) AS color,"
             " arg_min_null(ident, row_id) AS ident, min(row_id) AS first_row FROM (" + rows +
             ") WHERE metric_name IN (?, ?) GROUP BY case_key, experiment)"
             " WHERE x IS NOT NULL AND y IS NOT NULL",
             {x_metric, y_metric, x_metric, y_metric})
      .for_each_row([&](const auto& row) {
        out.x_json = row[0].value_or("[]");
        out.y_json = row[1].value_or("[]");
        out.color_json = row[2].value_or("[]");
        if (has_ids) out.ids_json = row[3].value_or("[]");
      });
  return out;
}

}  // namespace axis::analytics
