// The SQL the Test Cases view (test_case_view.h) shares between its paged reply and its CSV
// export: the matching cases after the metadata filters, the search and the quick filter, each
// case's score per experiment (overall or one metric), and the per-case rows. Also checks the
// metric and field names a request gives. Builds SQL text and reads names; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "analytics/test_case_view.h"
#include "store/value.h"

namespace axis::store { class Connection; }

namespace axis::analytics {

class EvalDataset;
struct SummaryTableNames;

struct CaseScopeSql {
  // "WITH m AS (…), …, k AS (…)": s holds (dataset_id, experiment, score) for the cases
  // passing the metadata filters and the search; k the cases of the list after the quick
  // filter (dataset_id, query, first_row, ord: the list's order). Binds `values`.
  std::string with;
  std::vector<store::Value> values;
};

CaseScopeSql case_scope_sql(const EvalDataset& d, const std::string& cases,
                            const TestCasesQuery& query);

// ", cr AS (…)" over the cases of CTE `from` (k or a page of it): dataset_id, query, ord,
// e0… (score per experiment), mean, spread (NULL without scores), f0… (the fields, text
// truncated to TestCaseView::kFieldChars). Binds `values` (the experiment names).
struct CaseRowsSql {
  std::string cte;
  std::vector<store::Value> values;
};
CaseRowsSql case_rows_sql(const EvalDataset& d, const TestCasesQuery& query,
                          const std::vector<std::string>& experiments, const std::string& from);

// The metrics of the dataset in first-seen order (at most TestCaseView::kMaxMetrics).
std::vector<std::string> list_metrics(store::Connection& conn, const SummaryTableNames& names);

// The columns a request may show as fields: every column but the case id, query, metric name,
// score and experiment (the view shows them already) and the per-metric columns metric_type,
// parent, weight, explanation and critique (the case modal shows them per metric).
std::vector<std::string> field_options(const EvalDataset& d);

// util::HttpError 422 when the metric is not a metric of the dataset, a field is not a field
// option, or more than kMaxFields fields are asked for; the message lists the valid names
// (`metrics`: those list_metrics gave).
void check_choices(store::Connection& conn, const SummaryTableNames& names, const EvalDataset& d,
                   const std::vector<std::string>& metrics, const TestCasesQuery& query);

}  // namespace axis::analytics
