#include "analytics/test_case_view.h"

#include <algorithm>

#include "analytics/compared_cases.h"
#include "analytics/eval_dataset.h"
#include "analytics/test_case_scope.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {
namespace {

double number(const std::optional<std::string>& cell) { return store::cell_double(cell); }

const char* kScalarTypes = "('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')";

void read_spread(store::Connection& conn, const CaseScopeSql& k, TestCasesPage& out) {
  std::vector<ExperimentSpread> spreads;
  conn.query(k.with + " SELECT grouping(experiment) = 1, experiment, count(*), avg(score),"
                      " min(score), quantile_cont(score, 0.25), quantile_cont(score, 0.5),"
                      " quantile_cont(score, 0.75), max(score) FROM s"
                 " WHERE dataset_id IN (SELECT dataset_id FROM k)"
                 " GROUP BY GROUPING SETS ((experiment), ())",
             k.values)
      .for_each_row([&](const auto& row) {
        if (row[0] == "true") {
          if (store::cell_int(row[2]) > 0) out.average_score = number(row[3]);
          return;
        }
        spreads.push_back({row[1].value_or(""), store::cell_int(row[2]), number(row[3]),
                           number(row[4]), number(row[5]), number(row[6]), number(row[7]),
                           number(row[8])});
      });
  for (const std::string& e : out.experiments) {
    auto it = std::find_if(spreads.begin(), spreads.end(),
                           [&](const ExperimentSpread& s) { return s.experiment == e; });
    if (it == spreads.end()) continue;
    out.distribution.push_back(*it);
    if (!out.leading_score || it->mean > *out.leading_score) {
      out.leading_experiment = it->experiment;
      out.leading_score = it->mean;
    }
  }
}

// "[e0, e1, …]::TYPE[]" over the columns <prefix>0… of rows.
std::string list_sql(const std::string& prefix, std::size_t n, const std::string& type) {
  std::string items;
  for (std::size_t i = 0; i < n; ++i) items += (i ? ", " : "") + prefix + std::to_string(i);
  return "[" + items + "]::" + type + "[]";
}

// The mean of each metric's finite scores per experiment over the rows of the listed cases.
void read_metric_means(store::Connection& conn, const EvalDataset& d, const CaseScopeSql& k,
                       const std::vector<std::string>& metrics, TestCasesPage& out) {
  for (const auto& m : metrics) {
    out.metric_means.push_back({m, std::vector<std::optional<double>>(out.experiments.size())});
  }
  conn.query(k.with + " SELECT metric_name, experiment, avg(score) FROM (SELECT " + d.case_id() +
                 " AS dataset_id, " + d.experiment() + " AS experiment, " + d.score() +
                 " AS score, " + d.text("metric_name") + " AS metric_name FROM " + d.table() +
                 ") WHERE isfinite(score) AND dataset_id IN (SELECT dataset_id FROM k)"
                 " GROUP BY metric_name, experiment",
             k.values)
      .for_each_row([&](const auto& row) {
        auto m = std::find_if(out.metric_means.begin(), out.metric_means.end(),
                              [&](const MetricMeans& x) { return x.metric == row[0]; });
        auto e = std::find(out.experiments.begin(), out.experiments.end(), row[1].value_or(""));
        if (m == out.metric_means.end() || e == out.experiments.end()) return;
        m->means[static_cast<std::size_t>(e - out.experiments.begin())] = number(row[2]);
      });
}

void read_metadata(store::Connection& conn, const std::string& cases, TestCasesPage& out) {
  const std::string path = "'$.\"' || replace(replace(key, '\\', '\\\\'), '\"', '\\\"') || '\"'";
  conn.query("WITH m AS (SELECT dataset_id, arg_min(metadata, first_row) AS metadata FROM " +
                 cases + " WHERE dataset_id IS NOT NULL GROUP BY dataset_id),"
                 " kv AS (SELECT key, json_extract_string(metadata, " + path + ") AS value FROM"
                 " (SELECT metadata, unnest(json_keys(metadata)) AS key FROM m WHERE metadata IS"
                 " NOT NULL) WHERE json_type(metadata, " + path + ") IN " + kScalarTypes + "),"
                 " agg AS (SELECT key, value, count(*) AS n FROM kv GROUP BY key, value),"
                 " ranked AS (SELECT key, value, n, sum(n) OVER (PARTITION BY key) AS kn,"
                 " row_number() OVER (PARTITION BY key ORDER BY n DESC, value) AS vr FROM agg)"
                 " SELECT key, value, n FROM ranked WHERE vr <= ? QUALIFY"
                 " dense_rank() OVER (ORDER BY kn DESC, key) <= ? ORDER BY kn DESC, key, vr",
             {static_cast<std::int64_t>(TestCaseView::kMaxValues),
              static_cast<std::int64_t>(TestCaseView::kMaxKeys)})
      .for_each_row([&](const auto& row) {
        const std::string key = row[0].value_or("");
        if (out.metadata.empty() || out.metadata.back().key != key) out.metadata.push_back({key, {}});
        out.metadata.back().values.emplace_back(row[1].value_or(""), store::cell_int(row[2]));
      });
}

}  // namespace

TestCasesPage TestCaseView::page(const TestCasesQuery& q) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  TestCasesPage out;
  out.page = q.page;
  out.page_size = q.page_size;
  const std::vector<std::string> metrics = list_metrics(*conn, names);
  check_choices(*conn, names, d, metrics, q);
  out.field_options = field_options(d);
  out.experiments = list_experiments(*conn, names);
  out.experiment_count = static_cast<std::int64_t>(out.experiments.size());
  if (out.experiments.size() > kMaxColumns) out.experiments.resize(kMaxColumns);

  const CaseScopeSql k = case_scope_sql(d, names.cases, q);
  out.test_cases = store::cell_int(conn->query(k.with + " SELECT count(*) FROM k", k.values).scalar());
  read_spread(*conn, k, out);
  read_metadata(*conn, names.cases, out);
  read_metric_means(*conn, d, k, metrics, out);

  const CaseRowsSql rows = case_rows_sql(d, q, out.experiments, "kp");
  std::vector<store::Value> values = k.values;
  values.emplace_back(q.page_size);
  values.emplace_back(store::page_offset(q.page, q.page_size));
  values.insert(values.end(), rows.values.begin(), rows.values.end());
  store::write_rows_json(
      *conn,
      k.with + ", kp AS (SELECT * FROM k ORDER BY ord LIMIT ? OFFSET ?)" + rows.cte +
          " SELECT dataset_id, query, " + list_sql("e", out.experiments.size(), "DOUBLE") +
          " AS scores, mean, spread, " + list_sql("f", q.fields.size(), "VARCHAR") +
          " AS fields FROM cr ORDER BY ord",
      values, [&](std::string_view piece) { out.cases_json.append(piece); });
  return out;
}

void TestCaseView::export_csv(const TestCasesQuery& q, const std::string& path) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  check_choices(*conn, names, d, list_metrics(*conn, names), q);
  std::vector<std::string> experiments = list_experiments(*conn, names);
  if (experiments.size() > kMaxColumns) experiments.resize(kMaxColumns);

  const CaseScopeSql k = case_scope_sql(d, names.cases, q);
  const CaseRowsSql rows = case_rows_sql(d, q, experiments, "k");
  // The header is the first row of the data rather than DuckDB's header, so the names are
  // bound values (never identifiers) and are quoted by the same rules as a field.
  std::vector<std::string> header = {"dataset_id", "query"};
  header.insert(header.end(), q.fields.begin(), q.fields.end());
  header.insert(header.end(), experiments.begin(), experiments.end());
  header.emplace_back("mean");
  header.emplace_back("spread");
  std::vector<std::string> data = {"nullif(dataset_id, '')", "nullif(query, '')"};
  for (std::size_t i = 0; i < q.fields.size(); ++i) data.push_back("f" + std::to_string(i));
  for (std::size_t i = 0; i < experiments.size(); ++i) {
    data.push_back(score_text_sql("e" + std::to_string(i)));
  }
  data.push_back(score_text_sql("mean"));
  data.push_back(score_text_sql("spread"));

  std::vector<store::Value> values = k.values;
  values.insert(values.end(), rows.values.begin(), rows.values.end());
  std::string head_items, data_items, columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string c = "c" + std::to_string(i);
    head_items += ", CAST(? AS VARCHAR) AS " + c;
    data_items += ", " + data[i];
    columns += (i ? ", " : "") + c;
    values.emplace_back(header[i]);
  }
  conn->query("COPY (" + k.with + rows.cte + ", csv AS (SELECT 0 AS _axis_part, 0 AS ord" +
                  head_items + " UNION ALL SELECT 1, ord" + data_items +
                  " FROM cr) SELECT " + columns + " FROM csv ORDER BY _axis_part, ord) TO " +
                  datasets::quote_literal(path) + " (FORMAT csv, HEADER false, NEW_LINE '\\r\\n')",
              values);
}

}  // namespace axis::analytics
