// ComparisonService: experiments of one dataset compared (spec/data.md §2.3) — per-metric
// Welch tests between a baseline and a challenger, the per-case table, win/loss over all
// experiments and pass/fail agreement per pair. Means, variances and counts come from SQL (the
// dataset's summary tables); the tests are analytics/comparison_rules. Thread-safe; calls block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/comparison_rules.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

class SummaryTables;

// Which two experiments to compare. Empty names default to the first two experiments.
struct ExperimentChoice {
  std::string dataset_id;
  std::optional<std::string> baseline;
  std::optional<std::string> challenger;
};

// The two experiments a comparison settled on.
struct ExperimentPair {
  std::string baseline, challenger;
};

struct ModelComparison {
  std::string baseline, challenger;
  std::vector<std::string> experiments;  // first-seen order
  std::vector<MetricComparison> metrics;  // metrics in first-seen order
  ComparisonSummary summary;
};

struct CompareCasesQuery {
  ExperimentChoice choice;
  std::string filter = "all";           // all | top | bottom | high_variance | show_diff
  std::optional<std::string> winner;    // Baseline | Challenger | Tie
  std::optional<std::string> search;    // substring of dataset_id or query
  std::int64_t page = 1;
  std::int64_t page_size = 10;
};

struct CompareCasesPage {
  // JSON array of {dataset_id, query, baseline_score, challenger_score, diff, winner}.
  std::string cases_json;
  std::int64_t total = 0;  // after every filter, before paging
  std::int64_t baseline = 0, challenger = 0, tie = 0;  // winners, before the winner filter
  std::int64_t page = 1, page_size = 10;
};

// The file GET /compare/export writes: CSV, a JSON document or a Markdown report.
enum class ExportFormat { csv, json, markdown };

struct WinLoss {
  std::vector<std::string> experiments;
  std::vector<std::pair<std::string, std::int64_t>> wins;  // every experiment, first-seen order
  std::int64_t ties = 0;
  std::int64_t cases_compared = 0;  // cases present in at least two experiments
};

struct AgreementPair {
  std::string model1, model2;
  std::int64_t both_pass = 0, both_fail = 0, model1_only = 0, model2_only = 0, total = 0;
  double rate = 0;  // (both_pass + both_fail) / total
};

class ComparisonService {
 public:
  ComparisonService(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  // Throws util::HttpError 400 with fewer than two experiments or an unknown name.
  ModelComparison compare(const ExperimentChoice& choice) const;
  CompareCasesPage compare_cases(const CompareCasesQuery& query) const;
  // Writes every case compare_cases(query) lists (all pages: page and page_size are ignored),
  // in its order, to the file `path` as CSV, with the columns the Evaluate page exported:
  // dataset_id, query, "<baseline> score", "<challenger> score", diff, winner (the winning
  // experiment's name, or Tie). Numbers read as JavaScript prints them; NULL and '' are empty
  // fields; a field holding a comma, quote, CR or LF is quoted (quotes doubled); lines end
  // with CRLF. One DuckDB COPY, so the rows never pass through this process. Returns the two
  // experiments compared; throws as compare_cases.
  // json: {"baseline", "challenger", "filters", "summary", "metrics", "cases"} where metrics are
  // compare()'s and cases the list's rows ({dataset_id, query, baseline_score,
  // challenger_score, diff, winner}, non-finite numbers null). markdown: a title, the filters,
  // a metric table (4 decimals) and a case table (numbers as in the CSV; '|' and '\' escaped,
  // line breaks as <br>). Both write the rows with one DuckDB COPY into a second file that is
  // then appended in fixed-size pieces, so memory stays bounded on any number of cases.
  ExperimentPair export_cases(const CompareCasesQuery& query, ExportFormat format,
                              const std::string& path) const;
  WinLoss win_loss(const std::string& dataset_id) const;
  std::vector<AgreementPair> agreement(const std::string& dataset_id) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
