// ComparisonService::export_cases: the per-case comparison written as CSV by DuckDB, or as the
// JSON / Markdown documents of comparison_documents.
#include <string>
#include <vector>

#include "analytics/compared_cases.h"
#include "analytics/comparison_documents.h"
#include "analytics/comparison_service.h"
#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {
namespace {

void write_csv(store::Connection& conn, const CaseListSql& list, const ExperimentPair& pair,
               const std::string& path) {

  // The header is the first row of the data rather than DuckDB's header, so the experiment
  // names are bound values (never identifiers) and are quoted by the same rules as a field.
  std::vector<store::Value> values = list.values;
  for (const char* fixed : {"dataset_id", "query"}) values.emplace_back(std::string(fixed));
  values.emplace_back(pair.baseline + " score");
  values.emplace_back(pair.challenger + " score");
  values.emplace_back(std::string("diff"));
  values.emplace_back(std::string("winner"));
  values.emplace_back(pair.baseline);
  values.emplace_back(pair.challenger);
  for (const auto& v : list.search.values()) values.push_back(v);

  const std::string sql =
      "COPY (" + list.with +
      ", csv AS (SELECT 0 AS _axis_part, CAST(NULL AS DOUBLE) AS rank_score,"
      " CAST(NULL AS BIGINT) AS first_row, CAST(? AS VARCHAR) AS c1, CAST(? AS VARCHAR) AS c2,"
      " CAST(? AS VARCHAR) AS c3, CAST(? AS VARCHAR) AS c4, CAST(? AS VARCHAR) AS c5,"
      " CAST(? AS VARCHAR) AS c6"
      " UNION ALL SELECT 1, rank_score, first_row, nullif(dataset_id, ''), nullif(query, ''), " +
      score_text_sql("baseline_score") + ", " + score_text_sql("challenger_score") + ", " +
      score_text_sql("diff") +
      ", CASE winner WHEN 'Baseline' THEN CAST(? AS VARCHAR) WHEN 'Challenger' THEN"
      " CAST(? AS VARCHAR) ELSE 'Tie' END FROM q" +
      list.search.sql() + ") SELECT c1, c2, c3, c4, c5, c6 FROM csv ORDER BY _axis_part, " +
      list.order + ") TO " + datasets::quote_literal(path) +
      " (FORMAT csv, HEADER false, NEW_LINE '\\r\\n')";
  conn.query(sql, values);
}

}  // namespace

ExperimentPair ComparisonService::export_cases(const CompareCasesQuery& q, ExportFormat format,
                                               const std::string& path) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.choice.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  const ExperimentPair pair = choose_pair(list_experiments(*conn, names), q.choice);
  CaseListSql list = case_list_sql(names.cases, pair, q);
  if (q.winner) list.search.add("winner = ?", {*q.winner});
  if (format == ExportFormat::csv) {
    write_csv(*conn, list, pair, path);
  } else {
    const ModelComparison comparison = compare({q.choice.dataset_id, pair.baseline, pair.challenger});
    write_comparison_document(*conn, list, q, comparison, format, path);
  }
  return pair;
}

}  // namespace axis::analytics
