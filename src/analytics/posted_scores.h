// PostedScores: the rows posted with an analytics request as a ScoreSource. The handler writes
// them to a file as a JSON array; DuckDB reads each element as a map from its keys to their JSON
// values (read_json with format 'array' and one MAP(VARCHAR, JSON) column), so
//   - keys keep their exact spelling: "Score" and "score" are two columns (DuckDB column names
//     ignore case, so the keys are never made column names), and a key may hold any character;
//   - an element that is not an object (a number, a string, null, a list) is a row without
//     values; it still counts in total_records;
//   - an object must not repeat a key: what is read of one that does is not specified (the HTTP
//     handler writes such rows back with each key once, in its first place with its last value).
// The columns are the keys in first-seen order. A metric is a column whose every non-null value
// is a JSON number (integer or not, of any size; booleans are not numbers), that is not an
// identifier (is_index_column) and that has at least one finite value; a number beyond the
// double range counts as a number but not as a score. Each posted row is one case, scored by
// its metric values; ident is the row's dataset_id value. Groups of a column (json/text/order)
// are its distinct JSON values, sorted booleans < numbers (by value) < objects < arrays <
// strings (by code point); objects and arrays sort by their JSON text.
//
// The rows live in temporary tables of the source's leased connection (_posted_rows and
// _posted_columns; then one _posted_column_<i> per column rows() reads, and _posted_scores when
// rows are too wide to look scores up in them), dropped by the destructor before the connection
// goes back to the pool.
// Not thread-safe (one request); every call blocks on DuckDB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/score_source.h"
#include "store/connection_pool.h"

namespace axis::store { class Store; }

namespace axis::analytics {

class PostedScores final : public ScoreSource {
 public:
  // Reads `json_file`, which must hold one JSON array (checked JSON; the caller owns and removes
  // the file). Throws util::HttpError 400 when the rows have more than `max_columns` distinct
  // keys, store::StoreError when the store cannot read the file.
  PostedScores(store::Store& store, const std::string& json_file, std::size_t max_columns);
  ~PostedScores() override;
  PostedScores(const PostedScores&) = delete;
  PostedScores& operator=(const PostedScores&) = delete;

  store::Connection& connection() override { return *conn_; }
  std::string rows(const std::vector<std::string>& columns, bool ident = false) override;
  std::string metrics() const override;
  std::int64_t total_records() override { return total_; }
  bool has(const std::string& column) const override;
  std::string json(const std::string& c) const override;
  std::string text(const std::string& c) const override;
  std::string order(const std::string& c) const override;

 private:
  void read(const std::string& json_file);
  void find_columns(std::size_t max_columns);
  // The temporary table holding one column's values by row, made on first use.
  std::string column_table(const std::string& column);
  // SQL of the metric scores by row: row_id, metric_name, score (a number, maybe not finite).
  std::string scores();

  // Drops the temporary tables, also when the constructor throws, before conn_ is returned.
  struct TempTables {
    store::Connection& conn;
    std::size_t columns = 0;  // _posted_column_0 … _posted_column_<columns - 1>
    ~TempTables();
  };

  store::ConnectionPool::Lease conn_;
  TempTables temps_;
  std::int64_t total_ = 0;
  std::int64_t widest_ = 0;   // the most keys in one row
  bool scores_made_ = false;  // _posted_scores exists (wide rows)
  std::vector<std::string> columns_;  // every key, in first-seen order
  std::vector<std::string> column_tables_;  // the column each _posted_column_<i> holds
};

}  // namespace axis::analytics
