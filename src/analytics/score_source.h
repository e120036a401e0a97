// ScoreSource: the scored rows the /api/analytics SQL reads, whatever they came from — a stored
// metric-rows dataset (dataset_scores.h) or the rows posted with a request (posted_scores.h).
// Each computation of AnalyticsService is one SQL text over the relations a source names, so
// stored and posted rows go through the same statistics. The relations have fixed columns:
//
//  rows(columns, ident) — one row per finite score: row_id (orders the rows as they were given),
//    case_key and experiment (a case is one (case_key, experiment) pair), metric_name, score;
//    then c0, c1, … — the value of each requested column in that row, NULL when it has none
//    (read them through json(), text() and order()); then ident — the row's id as it appears
//    in a reply (a JSON value or text; NULL unless `ident` is asked for and the rows have ids).
//  metrics() — one row per metric and all_experiments = true (stored summaries also hold rows
//    per experiment): metric_name, n, mean, std (sample), min, max, passing (scores ≥ 0.5), and
//    first_row, which orders the metrics as first seen.
//
// A source holds one leased store connection for its whole life (posted rows live in temporary
// tables of that connection); every statement of a computation runs on connection(). Not
// thread-safe: one request, one source. Every call may block on DuckDB.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace axis::store { class Connection; }

namespace axis::analytics {

class ScoreSource {
 public:
  virtual ~ScoreSource() = default;

  virtual store::Connection& connection() = 0;

  // SQL of the rows relation (a SELECT) with the named columns as c0, c1, … Check has() first:
  // a column the rows lack is a logic error. Throws store::StoreError when DuckDB fails.
  virtual std::string rows(const std::vector<std::string>& columns, bool ident = false) = 0;
  // SQL naming the metrics relation (a table or a parenthesised SELECT).
  virtual std::string metrics() const = 0;
  // How many rows the input holds: stored rows, or posted elements (objects or not).
  virtual std::int64_t total_records() = 0;

  // Whether the rows have this column (exact spelling).
  virtual bool has(const std::string& column) const = 0;
  // Whether the rows have ids for ident (a dataset_id column).
  bool has_ids() const { return has("dataset_id"); }

  // SQL over a column c<i> of rows(): its value as JSON text; as text (a string as it is,
  // anything else as its JSON or SQL text); and the ORDER BY terms that sort its values.
  virtual std::string json(const std::string& c) const = 0;
  virtual std::string text(const std::string& c) const = 0;
  virtual std::string order(const std::string& c) const = 0;
};

// "c0", "c1", … : the name rows() gives its i-th requested column.
inline std::string column_alias(std::size_t i) { return "c" + std::to_string(i); }

}  // namespace axis::analytics
