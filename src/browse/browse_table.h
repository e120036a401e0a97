// Store browsing (GET /api/store/metadata|data/{dataset}): which stored table a dataset name
// reads. The names map to the newest catalogued dataset of a kind (or the one ?dataset_id=
// picks): monitoring, eval (evaluation), kpi, human_signals (its per-case table) and
// human_signals_raw (its raw rows). Columns come from the table's schema.
#pragma once

#include <string>
#include <vector>

#include "datasets/catalog.h"

namespace axis::browse {

// The dataset names in the order they are listed in errors.
const std::vector<std::string>& dataset_names();

struct BrowseTable {
  std::string name;                          // the dataset name of the request
  datasets::DatasetInfo dataset;             // its catalog entry
  std::string table_name;                    // the table read
  std::vector<datasets::ColumnInfo> columns; // in table order

  const datasets::ColumnInfo* column(const std::string& column_name) const;
  // The time column: created_at for kpi, else timestamp (matched ignoring case); null if none.
  const datasets::ColumnInfo* time_column() const;
};

// Throws HttpError 404 for an unknown name, when no dataset of its kind is stored, when
// `dataset_id` names no dataset of that kind, or when the table is missing.
BrowseTable open_browse_table(const datasets::DatasetCatalog& catalog, const std::string& name,
                              const std::string& dataset_id);

}  // namespace axis::browse
