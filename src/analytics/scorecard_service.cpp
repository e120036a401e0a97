#include "analytics/scorecard_service.h"

#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

// Both queries below select these columns, in this order.
constexpr const char* kAggregateColumns =
    "metric_name, parent, weight, metric_type, mean, min, max, std, n, h0, h1, h2, h3, h4, "
    "median, p25, p75, pop_std, explanation";

std::vector<MetricAggregate> read_aggregates(store::Result result) {
  std::vector<MetricAggregate> out;
  result.for_each_row([&](const std::vector<std::optional<std::string>>& row) {
    MetricAggregate m;
    m.name = row[0].value_or("");
    m.parent = row[1];
    m.weight = store::cell_optional_double(row[2]);
    m.metric_type = row[3].value_or("");
    m.mean = store::cell_double(row[4]);
    m.min = store::cell_double(row[5]);
    m.max = store::cell_double(row[6]);
    m.std = store::cell_double(row[7]);
    m.count = store::cell_int(row[8]);
    for (std::size_t i = 0; i < 5; ++i) m.histogram[i] = store::cell_int(row[9 + i]);
    m.median = store::cell_double(row[14]);
    m.p25 = store::cell_double(row[15]);
    m.p75 = store::cell_double(row[16]);
    m.population_std = store::cell_double(row[17]);
    m.explanation = row[18];
    out.push_back(std::move(m));
  });
  return out;
}

// Per-metric aggregates of the whole dataset or one experiment, from the summary table.
std::vector<MetricAggregate> summarised_metrics(store::Connection& conn,
                                                const SummaryTableNames& names,
                                                const EvalScope& scope) {
  store::SqlWhere where;
  if (scope.evaluation_name) {
    where.add("NOT all_experiments AND experiment = ?", {*scope.evaluation_name});
  } else {
    where.add("all_experiments");
  }
  // Appended piece by piece: GCC 12 warns falsely (-Warray-bounds) about one long + chain here.
  std::string sql = "SELECT ";
  sql += kAggregateColumns;
  sql += " FROM (SELECT *, CAST(NULL AS VARCHAR) AS explanation FROM " + names.metrics + ")";
  sql += where.sql();
  sql += " ORDER BY first_row";
  return read_aggregates(conn.query(sql, where.values()));
}

// Per-metric aggregates of one case's rows, straight from the dataset.
std::vector<MetricAggregate> case_metrics(store::Connection& conn, const EvalDataset& d,
                                          const EvalScope& scope, const std::string& case_id) {
  store::SqlWhere where;
  where.add(d.case_id() + " = ?", {case_id});
  if (scope.evaluation_name) where.add(d.experiment() + " = ?", {*scope.evaluation_name});
  const std::string rows =
      "SELECT rowid AS row_id, " + d.text("metric_name") + " AS metric_name, " +
      d.text("parent") + " AS parent, " + d.number("weight") + " AS weight, " +
      d.text("metric_type") + " AS metric_type, " + d.score() + " AS score, " +
      d.text("explanation") + " AS explanation FROM " + d.table() + where.sql();
  const std::string sql =
      std::string("SELECT ") + kAggregateColumns + " FROM (SELECT metric_name,"
      " arg_min_null(parent, row_id) AS parent, arg_min_null(weight, row_id) AS weight,"
      " arg_min_null(metric_type, row_id) AS metric_type, avg(score) AS mean,"
      " min(score) AS min, max(score) AS max, coalesce(stddev_samp(score), 0) AS std,"
      " count(*) AS n, 0 AS h0, 0 AS h1, 0 AS h2, 0 AS h3, 0 AS h4,"
      " quantile_cont(score, 0.5) AS median, quantile_disc(score, ?) AS p25,"
      " quantile_disc(score, ?) AS p75, coalesce(stddev_pop(score), 0) AS pop_std,"
      " arg_min_null(explanation, row_id) AS explanation, min(row_id) AS first_row"
      " FROM (" + rows + ") WHERE isfinite(score) AND metric_name IS NOT NULL"
      " GROUP BY metric_name) ORDER BY first_row";
  // sorted[floor(q·n)]: see the note on quantile_disc in summary_tables.cpp.
  std::vector<store::Value> values = {0.25 + 1e-12, 0.75 + 1e-12};
  for (const auto& v : where.values()) values.push_back(v);
  auto metrics = read_aggregates(conn.query(sql, values));
  if (metrics.empty()) {
    auto any = conn.query("SELECT 1 FROM " + d.table() + where.sql() + " LIMIT 1", where.values());
    if (!any.scalar()) throw util::HttpError(404, "Case '" + case_id + "' not found");
  }
  return metrics;
}

}  // namespace

Scorecard ScorecardService::scorecard(const EvalScope& scope) const {
  const EvalDataset d = EvalDataset::open(catalog_, scope.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();

  Scorecard s;
  s.dataset_id = d.id();
  s.evaluation_name = scope.evaluation_name;
  s.experiments = list_experiments(*conn, names);
  Hierarchy h = build_hierarchy(summarised_metrics(*conn, names, scope));
  s.overall_score = h.overall_score;
  for (const HierarchyNode& n : h.nodes) {
    if (n.type == "metric") ++s.metrics_count;
    if (n.type == "component") ++s.components_count;
  }
  s.nodes = std::move(h.nodes);

  store::SqlWhere experiment;
  if (scope.evaluation_name) {
    experiment.add("NOT all_experiments AND experiment = ?", {*scope.evaluation_name});
  } else {
    experiment.add("all_experiments");
  }
  conn->query("SELECT cases, score_variance FROM " + names.experiments + experiment.sql(),
              experiment.values())
      .for_each_row([&](const auto& row) {
        s.total_cases = store::cell_int(row[0]);
        s.score_variance = store::cell_double(row[1]);
      });
  return s;
}

TreeNode ScorecardService::tree(const EvalScope& scope,
                                const std::optional<std::string>& case_id) const {
  const EvalDataset d = EvalDataset::open(catalog_, scope.dataset_id);
  if (case_id) {
    auto conn = catalog_.store().connection();
    return build_tree(build_hierarchy(case_metrics(*conn, d, scope, *case_id)));
  }
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  return build_tree(build_hierarchy(summarised_metrics(*conn, names, scope)));
}

}  // namespace axis::analytics
