#include "datasets/rows.h"

#include <algorithm>

#include "store/connection.h"
#include "store/json_rows.h"
#include "store/store.h"

namespace axis::datasets {

namespace {

constexpr std::int64_t kMaxCellsInReply = 1'000'000;

// DuckDB plans `SELECT * ... LIMIT n` (n <= 50) as a join of the first n row ids back to the
// table ("late materialisation"); for a wide table the planning of that join grows with the
// square of the column count (seconds at a few thousand columns). A page read turns it off on
// its leased connection and back on afterwards.
class PlainPageReads {
 public:
  explicit PlainPageReads(store::Connection& conn) : conn_(conn) {
    conn_.execute("SET late_materialization_max_rows = 0");
  }
  ~PlainPageReads() {
    try {
      conn_.execute("RESET late_materialization_max_rows");
    } catch (...) {
      // The connection is unusable anyway; the pool's next user gets its own error.
    }
  }
  PlainPageReads(const PlainPageReads&) = delete;
  PlainPageReads& operator=(const PlainPageReads&) = delete;

 private:
  store::Connection& conn_;
};

// A plain scan keeps insertion (file) order, as DuckDB preserves it by default, and stops after
// the page; ORDER BY rowid would read every row first. The bounds are integers, so they are
// written as literals: a bound LIMIT keeps DuckDB from planning the early stop.
std::string page_sql(const DatasetInfo& dataset, std::int64_t offset, std::int64_t limit) {
  return "SELECT * FROM " + quote_ident(dataset.table_name) + " LIMIT " + std::to_string(limit) +
         " OFFSET " + std::to_string(offset);
}

}  // namespace

std::string rows_json(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                      std::int64_t offset, std::int64_t limit) {
  auto conn = catalog.store().connection();
  return select_rows_json(*conn, page_sql(dataset, offset, limit), {});
}

std::string select_rows_json(store::Connection& conn, const std::string& sql,
                             const std::vector<store::Value>& values) {
  const PlainPageReads plain(conn);
  std::string out;
  store::write_rows_json(conn, sql, values, [&](std::string_view piece) { out.append(piece); });
  return out;
}

std::vector<std::string> row_objects(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                                     std::int64_t offset, std::int64_t limit) {
  auto conn = catalog.store().connection();
  const PlainPageReads plain(*conn);
  std::vector<std::string> rows;
  store::for_each_row_json(*conn, page_sql(dataset, offset, limit), {},
                           [&](std::string_view row) { rows.emplace_back(row); });
  return rows;
}

std::int64_t reply_rows(const DatasetInfo& dataset, std::int64_t max_rows) {
  const auto columns = static_cast<std::int64_t>(std::max<std::size_t>(dataset.columns.size(), 1));
  return std::min(max_rows, std::max<std::int64_t>(10, kMaxCellsInReply / columns));
}

}  // namespace axis::datasets
