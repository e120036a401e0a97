// Reading a stored dataset's rows back as JSON, in file order, streamed from DuckDB.
#pragma once

#include <cstdint>
#include <string>

#include "datasets/catalog.h"

namespace axis::datasets {

// Rows [offset, offset + limit) as a JSON array text. Blocking.
std::string rows_json(const DatasetCatalog& catalog, const DatasetInfo& dataset,
                      std::int64_t offset, std::int64_t limit);

}  // namespace axis::datasets
