// BrowseService: the work of GET /api/store/metadata/{dataset} and /api/store/data/{dataset} —
// opens the named table (browse_table.h), leases a store connection, and answers from the
// App's BrowseCache where it can. Metadata is typed; a page of rows is JSON text streamed from
// DuckDB (the one kind of pre-rendered reply services give). Thread-safe
// (the cache locks itself); blocking.
#pragma once

#include <string>

#include "browse/browse_cache.h"
#include "browse/browse_data.h"
#include "browse/browse_metadata.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::browse {

class BrowseService {
 public:
  // Both must outlive the service.
  BrowseService(const datasets::DatasetCatalog& catalog, BrowseCache& cache)
      : catalog_(catalog), cache_(cache) {}

  // The metadata of the dataset `name` (monitoring, evaluation, ...; `dataset_id` picks one,
  // empty = the newest). HttpError 404 as open_browse_table.
  std::shared_ptr<const TableMetadata> metadata(const std::string& name,
                                                const std::string& dataset_id) const;
  // A page of its rows: filtered, searched, sorted (browse_data.h); the reply's JSON text, its
  // rows streamed from DuckDB as JSON.
  std::string page(const std::string& name, const std::string& dataset_id,
                   const BrowseQuery& query) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  BrowseCache& cache_;
};

}  // namespace axis::browse
