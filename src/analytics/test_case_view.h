// TestCaseView: the Compare page's Test Cases mode (spec/frontend.md §2.1) — every case of an
// evaluation dataset with its overall score in each experiment side by side, the KPIs and the
// per-experiment score spread over the cases that pass the metadata filters and the search,
// and the metadata values to filter by. Everything is SQL over the dataset's summary tables
// (analytics/summary_tables.h). Thread-safe; calls block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

class SummaryTables;

// The quick filters of the list (docs/evaluation.md "Test Cases quick filters"). Each case's
// mean is the mean of its scores across experiments and its spread the highest minus the
// lowest; n is the number of cases passing the metadata filters and the search that hold a
// score, and the cut is ceil(n / 5) cases by rank (ties broken by file order).
enum class CaseView {
  all,            // every case, file order
  top,            // the cut highest means, highest first
  bottom,         // the cut lowest means, lowest first
  high_variance,  // the cut largest spreads, largest first
  diff,           // spread > 0 (the experiments disagree), file order
};

struct TestCasesQuery {
  std::string dataset_id;
  CaseView view = CaseView::all;
  // Score the cases by this metric (mean of the case's finite scores of it in an experiment)
  // instead of the overall score; every score, KPI, spread and chart of the reply follows it.
  std::optional<std::string> metric;
  // Dataset columns shown with each case (its first row's value, truncated to kFieldChars).
  std::vector<std::string> fields;
  // data_metadata key → accepted values (any of them); every key must match.
  std::vector<std::pair<std::string, std::vector<std::string>>> metadata;
  std::optional<std::string> search;  // case-insensitive substring of dataset_id or query
  std::int64_t page = 1;
  std::int64_t page_size = 10;
};

// One experiment's overall scores over the matching cases it scored: count, mean and the
// five numbers of a box plot (quartiles interpolated linearly, like numpy's default).
struct ExperimentSpread {
  std::string experiment;
  std::int64_t n = 0;
  double mean = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};

struct MetadataValues {
  std::string key;
  std::vector<std::pair<std::string, std::int64_t>> values;  // value, cases; most cases first
};

// One metric's mean per experiment (the page's experiments order; null where none) over the
// rows of the matching cases.
struct MetricMeans {
  std::string metric;
  std::vector<std::optional<double>> means;
};

struct TestCasesPage {
  std::vector<std::string> experiments;  // first-seen order; the columns of `scores`
  std::int64_t experiment_count = 0;     // all experiments (columns stop at kMaxColumns)
  std::int64_t test_cases = 0;           // matching cases (the list's total)
  std::optional<double> average_score;   // mean overall score over matching (case, experiment)
  std::optional<std::string> leading_experiment;  // highest mean; first-seen wins a tie
  std::optional<double> leading_score;
  std::vector<ExperimentSpread> distribution;  // experiments order; those with no case omitted
  std::vector<MetadataValues> metadata;        // over every case, not only matching ones
  std::vector<MetricMeans> metric_means;       // every metric (first-seen order, at most kMaxMetrics)
  std::vector<std::string> field_options;      // the columns `fields` may name
  // JSON array of {dataset_id, query, scores: [score or null per experiment], mean, spread,
  // fields: [text or null per requested field]}.
  std::string cases_json;
  std::int64_t page = 1, page_size = 10;
};

class TestCaseView {
 public:
  static constexpr std::size_t kMaxColumns = 50;    // experiments shown side by side
  static constexpr std::size_t kMaxKeys = 20;       // metadata keys offered (most cases first)
  static constexpr std::size_t kMaxValues = 50;     // values offered per key
  static constexpr std::size_t kMaxFilterKeys = 20; // metadata keys a request may filter on
  static constexpr std::size_t kMaxMetrics = 100;   // metrics in metric_means
  static constexpr std::size_t kMaxFields = 3;      // extra columns per request
  static constexpr std::int64_t kFieldChars = 300;  // characters kept of each field value

  TestCaseView(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  // util::HttpError 404 for an unknown dataset, 400 for one without metric rows, 422 for an
  // unknown metric or field (the message lists the valid ones) or too many fields.
  TestCasesPage page(const TestCasesQuery& query) const;

  // Every matching case (same filters, view and metric; no paging) written by DuckDB as CSV to
  // `path`: dataset_id, query, the requested fields, one score column per experiment
  // ("<experiment>" header), mean, spread. Same errors as page().
  void export_csv(const TestCasesQuery& query, const std::string& path) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
