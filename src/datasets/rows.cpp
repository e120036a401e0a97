#include "datasets/rows.h"

#include "store/json_rows.h"
#include "store/store.h"

namespace axis::datasets {

std::string rows_json(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                      std::int64_t offset, std::int64_t limit) {
  auto conn = catalog.store().connection();
  std::string out;
  store::write_rows_json(*conn,
                         "SELECT * FROM " + quote_ident(dataset.table_name) +
                             " ORDER BY rowid LIMIT ? OFFSET ?",
                         {limit, offset}, [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace axis::datasets
