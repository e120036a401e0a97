#include "datasets/rows.h"

#include "store/json_rows.h"
#include "store/store.h"

namespace axis::datasets {

std::string rows_json(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                      std::int64_t offset, std::int64_t limit) {
  auto conn = catalog.store().connection();
  std::string out;
  // A plain scan keeps insertion (file) order, as DuckDB preserves it by default, and stops
  // after the page; ORDER BY rowid would read every row first. The bounds are integers, so
  // they are written as literals: a bound LIMIT keeps DuckDB from planning the early stop.
  store::write_rows_json(*conn,
                         "SELECT * FROM " + quote_ident(dataset.table_name) + " LIMIT " +
                             std::to_string(limit) + " OFFSET " + std::to_string(offset),
                         {}, [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace axis::datasets
