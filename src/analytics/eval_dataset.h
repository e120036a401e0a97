// EvalDataset: one stored evaluation dataset as the analytics SQL sees it — its table and the
// SQL expressions for its columns. Identifiers come only from the dataset's schema and are
// quoted; a column the dataset lacks reads as NULL. Immutable; safe to share across threads.
#pragma once

#include <string>

#include "datasets/catalog.h"


namespace axis::analytics {

class EvalDataset {
 public:
  // Resolves `id` (empty: the newest evaluation dataset). Throws util::HttpError 404 for an
  // unknown id, 400 when the dataset holds no metric rows (no metric_name / metric_score).
  static EvalDataset open(const datasets::DatasetCatalog& catalog, const std::string& id);
  // A dataset whose rows may be wide (any numeric columns); no metric-row check.
  static EvalDataset open_any(const datasets::DatasetCatalog& catalog, const std::string& id);

  const datasets::DatasetInfo& info() const { return info_; }
  const std::string& id() const { return info_.id; }
  bool is_metric_rows() const;  // has metric_name and metric_score columns
  bool has(const std::string& column) const;
  // The DuckDB type of a column ("" when absent).
  std::string type_of(const std::string& column) const;

  std::string table() const;  // the quoted table name
  // The quoted column; throws std::logic_error when absent (check has() first).
  std::string column(const std::string& name) const;
  // The column as VARCHAR, or NULL when absent.
  std::string text(const std::string& name) const;
  // The column as DOUBLE (TRY_CAST unless already DOUBLE), or NULL when absent.
  std::string number(const std::string& name) const;
  // metric_score as DOUBLE.
  std::string score() const { return number("metric_score"); }
  // The experiment of a row: evaluation_name, with NULL or '' read as 'Default'.
  std::string experiment() const;
  // The case id of a row: dataset_id as text.
  std::string case_id() const { return text("dataset_id"); }

 private:
  explicit EvalDataset(datasets::DatasetInfo info) : info_(std::move(info)) {}
  datasets::DatasetInfo info_;
};

}  // namespace axis::analytics
