#include "analytics/test_case_scope.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

// A JSON path naming one top-level key exactly ($."key", quotes escaped).
std::string key_path(const std::string& key) {
  std::string path = "$.\"";
  for (char ch : key) {
    if (ch == '"' || ch == '\\') path += '\\';
    path += ch;
  }
  return path + "\"";
}

store::SqlWhere case_filters(const TestCasesQuery& q) {
  store::SqlWhere where;
  for (const auto& [key, accepted] : q.metadata) {
    if (accepted.empty()) continue;
    std::vector<store::Value> values = {key_path(key)};
    for (const auto& v : accepted) values.emplace_back(v);
    where.add("json_extract_string(metadata, ?) IN (" + store::placeholders(accepted.size()) + ")",
              values);
  }
  if (q.search && !q.search->empty()) {
    where.add("contains(lower(dataset_id), lower(?)) OR contains(lower(query), lower(?))",
              {*q.search, *q.search});
  }
  return where;
}

// s: the score of each (case, experiment) of f — the overall score of the summaries, or the
// mean of the case's finite scores of one metric.
std::string scores_cte(const EvalDataset& d, const std::string& cases, const TestCasesQuery& q) {
  if (!q.metric) {
    return "s AS (SELECT dataset_id, experiment, overall AS score FROM " + cases +
           " WHERE dataset_id IN (SELECT dataset_id FROM f))";
  }
  return "s AS (SELECT dataset_id, experiment, avg(score) AS score FROM (SELECT " + d.case_id() +
         " AS dataset_id, " + d.experiment() + " AS experiment, " + d.score() + " AS score, " +
         d.text("metric_name") + " AS metric_name FROM " + d.table() +
         ") WHERE metric_name = ? AND isfinite(score) AND dataset_id IN (SELECT dataset_id FROM f)"
         " GROUP BY dataset_id, experiment)";
}

// k for the quick filter: the cut is ceil(n / 5) = (n + 4) // 5 in whole numbers.
std::string view_cte(CaseView view) {
  const std::string ranked_cut = " FROM ranked WHERE ";
  const std::string cut = " <= (n + 4) // 5";
  switch (view) {
    case CaseView::top:
      return "k AS (SELECT dataset_id, query, first_row, top_rank AS ord" + ranked_cut +
             "top_rank" + cut + ")";
    case CaseView::bottom:
      return "k AS (SELECT dataset_id, query, first_row, bottom_rank AS ord" + ranked_cut +
             "bottom_rank" + cut + ")";
    case CaseView::high_variance:
      return "k AS (SELECT dataset_id, query, first_row, spread_rank AS ord" + ranked_cut +
             "spread_rank" + cut + ")";
    case CaseView::diff:
      return "k AS (SELECT dataset_id, query, first_row, first_row AS ord" + ranked_cut +
             "spread > 0)";
    case CaseView::all:
      break;
  }
  return "k AS (SELECT dataset_id, query, first_row, first_row AS ord FROM f)";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(none)" : out;
}

}  // namespace

CaseScopeSql case_scope_sql(const EvalDataset& d, const std::string& cases,
                            const TestCasesQuery& q) {
  const store::SqlWhere where = case_filters(q);
  CaseScopeSql out;
  out.values = where.values();
  if (q.metric) out.values.emplace_back(*q.metric);
  out.with =
      "WITH m AS (SELECT dataset_id, arg_min(query, first_row) AS query,"
      " arg_min(metadata, first_row) AS metadata, min(first_row) AS first_row FROM " + cases +
      " WHERE dataset_id IS NOT NULL GROUP BY dataset_id), f AS (SELECT * FROM m" + where.sql() +
      "), " + scores_cte(d, cases, q) +
      ", r AS (SELECT dataset_id, avg(score) AS mean_score, max(score) - min(score) AS spread"
      " FROM s GROUP BY dataset_id),"
      " ranked AS (SELECT f.dataset_id, f.query, f.first_row, r.spread,"
      " row_number() OVER (ORDER BY r.mean_score DESC, f.first_row) AS top_rank,"
      " row_number() OVER (ORDER BY r.mean_score ASC, f.first_row) AS bottom_rank,"
      " row_number() OVER (ORDER BY r.spread DESC, f.first_row) AS spread_rank,"
      " count(*) OVER () AS n FROM f JOIN r ON r.dataset_id = f.dataset_id), " +
      view_cte(q.view);
  return out;
}

CaseRowsSql case_rows_sql(const EvalDataset& d, const TestCasesQuery& q,
                          const std::vector<std::string>& experiments, const std::string& from) {
  CaseRowsSql out;
  std::string items;
  for (std::size_t i = 0; i < experiments.size(); ++i) {
    items += ", max(s.score) FILTER (WHERE s.experiment = ?) AS e" + std::to_string(i);
    out.values.emplace_back(experiments[i]);
  }
  std::string field_items, field_columns;
  for (std::size_t i = 0; i < q.fields.size(); ++i) {
    const std::string name = "f" + std::to_string(i);
    field_items += ", any_value(left(fr." + name + ", " +
                   std::to_string(TestCaseView::kFieldChars) + ")) AS " + name;
    field_columns += ", CAST(" + d.column(q.fields[i]) + " AS VARCHAR) AS " + name;
  }
  std::string join;
  if (!q.fields.empty()) {
    join = " LEFT JOIN (SELECT rowid AS row_id" + field_columns + " FROM " + d.table() +
           ") fr ON fr.row_id = x.first_row";
  }
  out.cte = ", cr AS (SELECT x.dataset_id, any_value(x.query) AS query, min(x.ord) AS ord" +
            items + ", avg(s.score) AS mean, max(s.score) - min(s.score) AS spread" + field_items +
            " FROM " + from + " x LEFT JOIN s ON s.dataset_id = x.dataset_id" + join +
            " GROUP BY x.dataset_id)";
  return out;
}

std::vector<std::string> list_metrics(store::Connection& conn, const SummaryTableNames& names) {
  std::vector<std::string> out;
  conn.query("SELECT metric_name FROM " + names.metrics +
                 " WHERE all_experiments ORDER BY first_row, metric_name LIMIT ?",
             {static_cast<std::int64_t>(TestCaseView::kMaxMetrics)})
      .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

std::vector<std::string> field_options(const EvalDataset& d) {
  // Shown by the view already, or describing one metric row rather than the case.
  static const std::vector<std::string> kShown = {
      "dataset_id", "query",  "metric_name", "metric_score", "evaluation_name",
      "metric_type", "parent", "weight",      "explanation",  "critique"};
  std::vector<std::string> out;
  for (const auto& c : d.info().columns) {
    if (std::find(kShown.begin(), kShown.end(), c.name) == kShown.end()) out.push_back(c.name);
  }
  return out;
}

void check_choices(store::Connection& conn, const SummaryTableNames& names, const EvalDataset& d,
                   const std::vector<std::string>& metrics, const TestCasesQuery& q) {
  if (q.metric) {
    const bool known =
        store::cell_int(conn.query("SELECT count(*) FROM " + names.metrics +
                                       " WHERE all_experiments AND metric_name = ?",
                                   {*q.metric})
                            .scalar()) > 0;
    if (!known) {
      throw util::HttpError::field({"query", "metric"}, "literal_error",
                                   "Unknown metric '" + *q.metric + "'; the dataset's metrics are: " +
                                       joined(metrics),
                                   nlohmann::json(*q.metric).dump());
    }
  }
  if (q.fields.size() > TestCaseView::kMaxFields) {
    throw util::HttpError::field({"query", "fields"}, "too_long",
                                 "At most " + std::to_string(TestCaseView::kMaxFields) +
                                     " fields can be shown at once");
  }
  const std::vector<std::string> options = field_options(d);
  for (const auto& f : q.fields) {
    if (std::find(options.begin(), options.end(), f) == options.end()) {
      throw util::HttpError::field({"query", "fields"}, "literal_error",
                                   "Unknown field '" + f + "'; the dataset's fields are: " +
                                       joined(options),
                                   nlohmann::json(f).dump());
    }
  }
}

}  // namespace axis::analytics
