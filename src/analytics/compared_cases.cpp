#include "analytics/compared_cases.h"

#include <algorithm>

#include "util/http_error.h"

namespace axis::analytics {
namespace {

void require_known(const std::string& name, const std::vector<std::string>& experiments) {
  if (std::find(experiments.begin(), experiments.end(), name) != experiments.end()) return;
  throw util::HttpError(400, "Experiment '" + name + "' not found. Available: " +
                                 store::join_names(experiments));
}

std::string first_other(const std::vector<std::string>& experiments, const std::string& not_this) {
  for (const std::string& e : experiments) {
    if (e != not_this) return e;
  }
  return experiments.front();
}

// The compared cases with their winner, after the quick filter: a CTE named q whose ? are the
// baseline and the challenger names.
std::string compared_cases_cte(const std::string& cases, const std::string& filter) {
  std::string sql =
      "WITH b AS (SELECT dataset_id, overall, var_pop, first_row, query FROM " + cases +
      " WHERE experiment = ?), c AS (SELECT dataset_id, overall, var_pop, first_row FROM " +
      cases + " WHERE experiment = ?), p AS (SELECT b.dataset_id, b.query,"
      " b.overall AS baseline_score, c.overall AS challenger_score, c.overall - b.overall AS diff,"
      " least(b.first_row, c.first_row) AS first_row, (b.overall + c.overall) / 2 AS rank_score,"
      " greatest(b.var_pop, c.var_pop) AS var_pop FROM b JOIN c ON b.dataset_id = c.dataset_id)";
  std::string source = "p";
  std::string condition;
  if (filter == "top" || filter == "bottom") {
    // ceil(20 %) of the cases, by the mean of the two overall scores.
    condition = " QUALIFY row_number() OVER (ORDER BY rank_score " +
                std::string(filter == "top" ? "DESC" : "ASC") +
                ", first_row) <= (count(*) OVER () + 4) // 5";
  } else if (filter == "high_variance") {
    condition = " WHERE var_pop > 0.05";
  } else if (filter == "show_diff") {
    sql += ", spread AS (SELECT dataset_id, max(overall) - min(overall) AS spread FROM " + cases +
           " GROUP BY dataset_id)";
    source = "p JOIN spread USING (dataset_id)";
    condition = " WHERE spread > 0.2";
  }
  return sql + ", q AS (SELECT p.*, CASE WHEN diff > 0.01 THEN 'Challenger' WHEN diff < -0.01"
               " THEN 'Baseline' ELSE 'Tie' END AS winner FROM " + source + condition + ")";
}

}  // namespace

ExperimentPair choose_pair(const std::vector<std::string>& experiments,
                           const ExperimentChoice& choice) {
  if (experiments.size() < 2) {
    throw util::HttpError(400, "Comparison needs at least two experiments; found: " +
                                   (experiments.empty() ? "none" : store::join_names(experiments)));
  }
  if (choice.baseline) require_known(*choice.baseline, experiments);
  if (choice.challenger) require_known(*choice.challenger, experiments);
  if (choice.baseline && choice.challenger) return {*choice.baseline, *choice.challenger};
  if (choice.baseline) return {*choice.baseline, first_other(experiments, *choice.baseline)};
  if (choice.challenger) return {first_other(experiments, *choice.challenger), *choice.challenger};
  return {experiments[0], experiments[1]};
}

std::string score_text_sql(const std::string& column) {
  return "CASE WHEN isfinite(" + column + ") THEN " + store::js_number_text(column) + " END";
}

CaseListSql case_list_sql(const std::string& cases, const ExperimentPair& pair,
                          const CompareCasesQuery& query) {
  CaseListSql out;
  out.with = compared_cases_cte(cases, query.filter);
  out.values = {pair.baseline, pair.challenger};
  if (query.search && !query.search->empty()) {
    out.search.add("contains(lower(dataset_id), lower(?)) OR contains(lower(query), lower(?))",
                   {*query.search, *query.search});
  }
  out.order = query.filter == "top"      ? "rank_score DESC, first_row"
              : query.filter == "bottom" ? "rank_score ASC, first_row"
                                         : "first_row";
  return out;
}

}  // namespace axis::analytics
