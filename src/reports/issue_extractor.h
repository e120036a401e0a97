// Issue extraction (no LLM): the rows whose scores fall in the report's mode — sampled by the
// MD5 of their id, filtered by metric, capped at max_issues, sorted worst first (low) or best
// first (high, overall), nulls last.
#pragma once

#include <string>

#include "reports/report_request.h"

namespace axis::reports {

struct Extraction {
  Json issues = Json::array();  // {id, metric_name, score, <context fields>}
  long long total_records_analyzed = 0;
  std::vector<std::string> metrics_covered;  // sorted
};

// rows: long-format rows (dataset_id | id, metric_name, metric_score, context fields).
Extraction extract_issues(const Json& rows, const ReportRequest& request);

// True when the row with this id is in a sample of `rate`: MD5(id) read as a 128-bit
// big-endian integer, modulo 1000, is below rate × 1000 (rate ≥ 1: always; ≤ 0: never).
bool in_sample(const std::string& id, double rate);

// The shortened issue list of /extract-issues: the first 20, query and output ≤ 200
// characters, expected output ≤ 150.
Json preview_issues(const Json& issues);


}  // namespace axis::reports
