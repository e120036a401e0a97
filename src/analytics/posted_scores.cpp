#include "analytics/posted_scores.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>

#include "analytics/summary.h"
#include "analytics/summary_tables.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::analytics {
namespace {

// The posted elements, one row each in file order (so rowid is an element's place): each as a
// map from its keys to their JSON values. An element that is not an object fails the map
// transform, and ignore_errors keeps it as a NULL map.
constexpr const char* kReadRows =
    "CREATE OR REPLACE TEMP TABLE _posted_rows AS SELECT m FROM read_json(?, format = 'array',"
    " records = false, columns = {'m': 'MAP(VARCHAR, JSON)'}, ignore_errors = true,"
    " maximum_object_size = ?)";

// A JSON value as a number: NULL unless it is a JSON number (JSON strings keep their quotes in
// the text, so only numbers cast), ±inf beyond the double range.
std::string number_of(const std::string& json) {
  return "TRY_CAST(CAST(" + json + " AS VARCHAR) AS DOUBLE)";
}

// One row per (element, key): the key's place in its object, its JSON value, that value as a
// number and as a score (the number when finite).
std::string cells_sql() {
  return "SELECT *, CASE WHEN isfinite(number) THEN number END AS score FROM (SELECT *, " +
         number_of("value") +
         " AS number FROM (SELECT rowid AS row_id, unnest(map_keys(m)) AS key,"
         " unnest(map_values(m)) AS value, generate_subscripts(map_keys(m), 1) AS pos"
         " FROM _posted_rows))";
}

// Up to this many keys in a row, a metric's score is looked up in the row's map; beyond, where
// looking up every metric costs keys × metrics per row, one pass over the cells makes a table.
constexpr std::int64_t kWidestForLookups = 256;

// Every key in first-seen order (ord), whether it is a numeric column with a finite value
// (metric; identifier columns are cleared afterwards) and its statistics as a metric.
std::string columns_sql() {
  return std::string("CREATE OR REPLACE TEMP TABLE _posted_columns AS SELECT key,"
                     " row_number() OVER (ORDER BY min(row_id), arg_min(pos, row_id)) AS ord,"
                     " bool_and(value IS NULL OR number IS NOT NULL) AND count(score) > 0"
                     " AS metric, ") +
         metric_stats_sql() + " FROM (" + cells_sql() + ") GROUP BY key";
}

// DuckDB's default maximum_object_size: larger elements fail the read. Raising it for every
// read costs buffers as large as the limit, so only a read that failed is tried again with
// room for an element as large as the whole file.
constexpr std::int64_t kUsualLargestElement = 16 << 20;

std::int64_t largest_element(const std::string& json_file) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(json_file, ec);
  return static_cast<std::int64_t>(std::clamp<std::uintmax_t>(
      ec ? 0 : bytes + 1, kUsualLargestElement, std::numeric_limits<std::uint32_t>::max()));
}

std::string column_table_name(std::size_t i) { return "_posted_column_" + std::to_string(i); }

}  // namespace

PostedScores::TempTables::~TempTables() {
  std::string sql = "DROP TABLE IF EXISTS _posted_rows; DROP TABLE IF EXISTS _posted_columns;"
                    " DROP TABLE IF EXISTS _posted_scores";
  for (std::size_t i = 0; i < columns; ++i) sql += "; DROP TABLE IF EXISTS " + column_table_name(i);
  try {
    conn.execute(sql);
  } catch (...) {
    // The connection is broken; its temporary tables go with it.
  }
}

PostedScores::PostedScores(store::Store& store, const std::string& json_file,
                           std::size_t max_columns)
    : conn_(store.connection()), temps_{*conn_} {
  read(json_file);
  find_columns(max_columns);
}

PostedScores::~PostedScores() = default;

void PostedScores::read(const std::string& json_file) {
  try {
    conn_->query(kReadRows, {json_file, kUsualLargestElement});
  } catch (const store::StoreError&) {
    const std::int64_t largest = largest_element(json_file);
    if (largest == kUsualLargestElement) throw;
    conn_->query(kReadRows, {json_file, largest});
  }
  conn_->execute("SELECT count(*), coalesce(max(cardinality(m)), 0) FROM _posted_rows")
      .for_each_row([&](const auto& row) {
        total_ = store::cell_int(row[0]);
        widest_ = store::cell_int(row[1]);
      });
}

void PostedScores::find_columns(std::size_t max_columns) {
  conn_->execute(columns_sql());
  const std::int64_t count =
      store::cell_int(conn_->execute("SELECT count(*) FROM _posted_columns").scalar());
  if (count > static_cast<std::int64_t>(max_columns)) {
    throw util::HttpError(400, "The posted rows have " + util::thousands(count) +
                                   " distinct keys; the limit is " +
                                   util::thousands(static_cast<long long>(max_columns)) +
                                   " (AXIS_MAX_CSV_COLUMNS)");
  }
  std::vector<store::Value> identifiers;  // numeric columns that identify rows: not metrics
  conn_->execute("SELECT key, metric FROM _posted_columns ORDER BY ord")
      .for_each_row([&](const auto& row) {
        std::string key = row[0].value_or("");
        if (row[1].value_or("") == "true" && is_index_column(key)) identifiers.emplace_back(key);
        columns_.push_back(std::move(key));
      });
  if (!identifiers.empty()) {
    conn_->query("UPDATE _posted_columns SET metric = false WHERE key IN (" +
                     store::placeholders(identifiers.size()) + ")",
                 identifiers);
  }
}

std::string PostedScores::column_table(const std::string& column) {
  auto it = std::find(column_tables_.begin(), column_tables_.end(), column);
  const std::size_t i = static_cast<std::size_t>(it - column_tables_.begin());
  if (it == column_tables_.end()) {
    column_tables_.push_back(column);
    temps_.columns = column_tables_.size();
    conn_->query("CREATE OR REPLACE TEMP TABLE " + column_table_name(i) +
                     " AS SELECT row_id, value FROM (SELECT rowid AS row_id, m[?] AS value"
                     " FROM _posted_rows) WHERE value IS NOT NULL",
                 {column});
  }
  return column_table_name(i);
}

std::string PostedScores::rows(const std::vector<std::string>& columns, bool ident) {
  std::string select = "SELECT s.row_id, s.row_id AS case_key, '' AS experiment, s.metric_name,"
                       " s.score";
  std::string joins;
  const auto join = [&](const std::string& column, const std::string& alias) {
    const std::string t = "t_" + alias;
    select += ", " + t + ".value AS " + alias;
    joins += " LEFT JOIN " + column_table(column) + " " + t + " ON " + t + ".row_id = s.row_id";
  };
  for (std::size_t i = 0; i < columns.size(); ++i) join(columns[i], column_alias(i));
  if (ident && has_ids()) {
    join("dataset_id", "ident");
  } else {
    select += ", NULL AS ident";
  }
  return select + " FROM (" + scores() + ") s" + joins + " WHERE isfinite(s.score)";
}

std::string PostedScores::scores() {
  const std::string metric_keys = "(SELECT key FROM _posted_columns WHERE metric)";
  if (widest_ <= kWidestForLookups) {
    // A query that keeps one metric (metric_name = ?) looks up only that one.
    return "SELECT r.rowid AS row_id, k.key AS metric_name, " + number_of("r.m[k.key]") +
           " AS score FROM _posted_rows r, " + metric_keys + " k";
  }
  if (!scores_made_) {
    conn_->execute("CREATE OR REPLACE TEMP TABLE _posted_scores AS SELECT row_id,"
                   " key AS metric_name, score FROM (" + cells_sql() + ") WHERE score IS NOT NULL"
                   " AND key IN " + metric_keys);
    scores_made_ = true;
  }
  return "SELECT row_id, metric_name, score FROM _posted_scores";
}

std::string PostedScores::metrics() const {
  return "(SELECT key AS metric_name, true AS all_experiments, n, mean, std, min, max, passing,"
         " ord AS first_row FROM _posted_columns WHERE metric)";
}

bool PostedScores::has(const std::string& column) const {
  return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
}

std::string PostedScores::json(const std::string& c) const { return "CAST(" + c + " AS VARCHAR)"; }

std::string PostedScores::text(const std::string& c) const { return "(" + c + " ->> '$')"; }

std::string PostedScores::order(const std::string& c) const {
  return "CASE json_type(" + c + ") WHEN 'BOOLEAN' THEN 1 WHEN 'BIGINT' THEN 2"
         " WHEN 'UBIGINT' THEN 2 WHEN 'DOUBLE' THEN 2 WHEN 'OBJECT' THEN 3 WHEN 'ARRAY' THEN 4"
         " ELSE 5 END, TRY_CAST(CAST(" + c + " AS VARCHAR) AS DOUBLE), " + c + " ->> '$', " +
         json(c);
}

}  // namespace axis::analytics
