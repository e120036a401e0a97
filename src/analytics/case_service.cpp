#include "analytics/case_service.h"


#include "analytics/eval_dataset.h"
#include "analytics/hierarchy.h"
#include "analytics/summary_tables.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

constexpr std::int64_t kMaxCaseRows = 10000;

// The metric's scored-row count in scope, from the summary; 400 naming the available metrics
// when the dataset has no such metric.
std::int64_t metric_count(store::Connection& conn, const SummaryTableNames& names,
                          const MetricCasesQuery& q) {
  std::optional<std::int64_t> all, in_experiment;
  conn.query("SELECT all_experiments, experiment, n FROM " + names.metrics +
                 " WHERE metric_name = ?",
             {q.metric})
      .for_each_row([&](const auto& row) {
        if (row[0] == "true") {
          all = store::cell_int(row[2]);
        } else if (q.scope.evaluation_name && row[1] == *q.scope.evaluation_name) {
          in_experiment = store::cell_int(row[2]);
        }
      });
  if (!all) {
    std::vector<std::string> available;
    conn.execute("SELECT metric_name FROM " + names.metrics +
                 " WHERE all_experiments ORDER BY metric_name LIMIT 200")
        .for_each_row([&](const auto& row) { available.push_back(row[0].value_or("")); });
    throw util::HttpError(400, "Metric '" + q.metric + "' not found. Available: " +
                                   store::join_names(available));
  }
  return q.scope.evaluation_name ? in_experiment.value_or(0) : *all;
}

void add_band(store::SqlWhere& where, const std::string& score, const std::string& band) {
  if (band == "fail" || band == "low") where.add(score + " < 0.5");
  else if (band == "pass") where.add(score + " >= 0.5");
  else if (band == "mid") where.add(score + " >= 0.5 AND " + score + " < 0.7");
  else if (band == "high") where.add(score + " >= 0.7");
}

}  // namespace

MetricCasesPage CaseService::metric_cases(const MetricCasesQuery& q) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.scope.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  const std::int64_t scored = metric_count(*conn, names, q);

  const std::string score = d.score();
  store::SqlWhere where;
  where.add(d.text("metric_name") + " = ?", {q.metric});
  where.add("isfinite(" + score + ")");
  if (q.scope.evaluation_name) where.add(d.experiment() + " = ?", {*q.scope.evaluation_name});
  if (q.band) add_band(where, score, *q.band);
  const bool searching = q.search && !q.search->empty();
  if (searching) {
    std::string any;
    for (const char* col : {"dataset_id", "query", "actual_output", "explanation"}) {
      if (!any.empty()) any += " OR ";
      any += "contains(lower(" + d.text(col) + "), lower(?))";
    }
    where.add(any, {*q.search, *q.search, *q.search, *q.search});
  }

  MetricCasesPage page;
  page.metric = q.metric;
  page.page = q.page;
  page.page_size = q.page_size;
  page.total = q.band || searching
                   ? store::cell_int(conn->query("SELECT count(*) FROM " + d.table() + where.sql(),
                                          where.values())
                                  .scalar())
                   : scored;

  const std::string dir = q.sort_dir == "desc" ? " DESC" : " ASC";
  const std::string order = q.sort_by == "dataset_id"
                                ? d.case_id() + dir + ", rowid"
                                : score + dir + ", " + d.case_id() + ", rowid";
  const std::string sql = "SELECT " + d.case_id() + " AS dataset_id, " + d.experiment() +
                          " AS evaluation_name, " + d.text("query") + " AS query, " +
                          d.text("actual_output") + " AS actual_output, " + score +
                          " AS score, " + d.text("explanation") + " AS explanation FROM " +
                          d.table() + where.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?";
  std::vector<store::Value> values = where.values();
  values.emplace_back(q.page_size);
  values.emplace_back(store::page_offset(q.page, q.page_size));
  store::write_rows_json(*conn, sql, values,
                         [&](std::string_view piece) { page.cases_json.append(piece); });
  return page;
}

CaseDetail CaseService::case_detail(const EvalScope& scope, const std::string& case_id) const {
  const EvalDataset d = EvalDataset::open(catalog_, scope.dataset_id);
  auto conn = catalog_.store().connection();
  // Without an experiment, the case is read in the first experiment it appears in.
  std::optional<std::string> experiment = scope.evaluation_name;
  if (!experiment) {
    experiment = conn->query("SELECT " + d.experiment() + " FROM " + d.table() + " WHERE " +
                                 d.case_id() + " = ? ORDER BY rowid LIMIT 1",
                             {case_id})
                     .scalar();
    if (!experiment) throw util::HttpError(404, "Case '" + case_id + "' not found");
  }
  const std::string sql =
      "SELECT " + d.experiment() + ", " + d.text("metric_name") + ", CASE WHEN isfinite(" +
      d.score() + ") THEN " + d.score() + " END, " + d.text("explanation") + ", " +
      d.text("parent") + ", " + d.text("metric_type") + ", " + d.number("weight") + ", " +
      d.text("query") + ", " + d.text("actual_output") + ", " + d.text("expected_output") + ", " +
      d.text("evaluation_metadata") + ", " + d.text("data_metadata") + " FROM " + d.table() +
      " WHERE " + d.case_id() + " = ? AND " + d.experiment() + " = ? ORDER BY rowid LIMIT ?";
  const std::vector<store::Value> values = {case_id, *experiment, kMaxCaseRows};

  CaseDetail c;
  bool found = false;
  double sum = 0;
  int scored = 0;
  conn->query(sql, values).for_each_row([&](const std::vector<std::optional<std::string>>& row) {
    if (!found) {
      found = true;
      c.dataset_id = case_id;
      c.evaluation_name = row[0].value_or("");
      c.query = row[7];
      c.actual_output = row[8];
      c.expected_output = row[9];
      c.evaluation_metadata = row[10];
      c.data_metadata = row[11];
    }
    if (!row[1]) return;
    CaseMetricScore m;
    m.metric_name = *row[1];
    m.score = store::cell_optional_double(row[2]);
    m.explanation = row[3];
    m.parent = row[4];
    m.metric_type = row[5];
    m.weight = effective_weight(store::cell_optional_double(row[6]));
    if (m.score) {
      sum += *m.score;
      ++scored;
    }
    c.metrics.push_back(std::move(m));
  });
  if (!found) throw util::HttpError(404, "Case '" + case_id + "' not found");
  c.overall_score = scored > 0 ? sum / scored : 0.0;
  return c;
}

}  // namespace axis::analytics
