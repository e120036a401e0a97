#include "browse/browse_service.h"

#include "browse/browse_metadata.h"
#include "browse/browse_table.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::browse {

std::shared_ptr<const TableMetadata> BrowseService::metadata(const std::string& name,
                                                             const std::string& dataset_id) const {
  const BrowseTable table = open_browse_table(catalog_, name, dataset_id);
  auto conn = catalog_.store().connection();
  return table_metadata(cache_, *conn, table);
}

std::string BrowseService::page(const std::string& name, const std::string& dataset_id,
                                const BrowseQuery& query) const {
  const BrowseTable table = open_browse_table(catalog_, name, dataset_id);
  auto conn = catalog_.store().connection();
  return page_json(cache_, *conn, table, query);
}

}  // namespace axis::browse
