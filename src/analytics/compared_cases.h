// The per-case comparison of two experiments as SQL, shared by ComparisonService's paged case
// list and its CSV export: which two experiments, the compared cases with their winner after a
// quick filter, the search, and the list's order. Builds SQL text only; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "analytics/comparison_service.h"
#include "store/sql_text.h"

namespace axis::analytics {

// The experiments `choice` names, the first other one for a missing side, the first two by
// default. util::HttpError 400 with fewer than two experiments or an unknown name.
ExperimentPair choose_pair(const std::vector<std::string>& experiments,
                           const ExperimentChoice& choice);

struct CaseListSql {
  // "WITH … q AS (…)": the cases of `cases` scored by both experiments, after the quick filter,
  // with dataset_id, query, baseline_score, challenger_score, diff, winner (Baseline,
  // Challenger or Tie), first_row and rank_score. Binds `values` (the two experiment names).
  std::string with;
  std::vector<store::Value> values;
  store::SqlWhere search;  // the search over q (nothing without one)
  std::string order;       // ORDER BY terms of the list
};

// A score column of q as the page printed it (JavaScript's String(n)); NULL when not finite.
std::string score_text_sql(const std::string& column);

CaseListSql case_list_sql(const std::string& cases, const ExperimentPair& pair,
                          const CompareCasesQuery& query);

}  // namespace axis::analytics
