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

struct TestCasesQuery {
  std::string dataset_id;
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

struct TestCasesPage {
  std::vector<std::string> experiments;  // first-seen order; the columns of `scores`
  std::int64_t experiment_count = 0;     // all experiments (columns stop at kMaxColumns)
  std::int64_t test_cases = 0;           // matching cases (the list's total)
  std::optional<double> average_score;   // mean overall score over matching (case, experiment)
  std::optional<std::string> leading_experiment;  // highest mean; first-seen wins a tie
  std::optional<double> leading_score;
  std::vector<ExperimentSpread> distribution;  // experiments order; those with no case omitted
  std::vector<MetadataValues> metadata;        // over every case, not only matching ones
  // JSON array of {dataset_id, query, scores: [overall or null per experiment], spread}.
  std::string cases_json;
  std::int64_t page = 1, page_size = 10;
};

class TestCaseView {
 public:
  static constexpr std::size_t kMaxColumns = 50;    // experiments shown side by side
  static constexpr std::size_t kMaxKeys = 20;       // metadata keys offered (most cases first)
  static constexpr std::size_t kMaxValues = 50;     // values offered per key
  static constexpr std::size_t kMaxFilterKeys = 20; // metadata keys a request may filter on

  TestCaseView(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  // util::HttpError 404 for an unknown dataset, 400 for one without metric rows.
  TestCasesPage page(const TestCasesQuery& query) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
