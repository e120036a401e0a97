// What store browsing remembers between requests: row counts of filters, time bounds of
// tables, the rows of small searches and each table's metadata. Stored datasets never change
// (a new upload is a new table, and a deleted one's name is never reused), so an entry stays
// true; past a budget the least recently used entries are dropped. Keys name tables, so one
// process must never store other rows under a table name it has browsed (the catalog never
// does). Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/value.h"
#include "util/lru_cache.h"

namespace axis::browse {

using util::LruCache;

struct TableMetadata;

// The rows of a small search, as JSON objects in page order.
using RowList = std::shared_ptr<const std::vector<std::string>>;

// The three caches: counts and time bounds (4096 entries), the rows of searches that match few
// rows (64 MiB of JSON), and tables' metadata (about 8 MiB). Owned by the App and handed to the
// browse service; the sync engine empties them after it replaced a table.
class BrowseCache {
 public:
  LruCache<std::int64_t> counts{4096};
  LruCache<RowList> rows{64u << 20};
  LruCache<std::shared_ptr<const TableMetadata>> metadata{8u << 20};

  // Empties the three caches: a table that a sync replaced must not be answered from them.
  void forget_everything() {
    counts.clear();
    rows.clear();
    metadata.clear();
  }
};

// A key naming a query exactly: its kind, table, SQL and bound values.
std::string cache_key(const std::string& kind, const std::string& table, const std::string& sql,
                      const std::vector<store::Value>& values);

}  // namespace axis::browse
