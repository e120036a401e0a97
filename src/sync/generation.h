// Committing one sync of one dataset: everything the sync read is in staging tables; one
// DuckDB transaction then replaces (full) or extends (incremental) the live tables and the
// joined table the analytics read, writes the watermarks and the dataset's catalog entry.
// Either all of it happens or none: readers see the previous generation until the commit, and
// a failure leaves it serving untouched (spec storage.md §6). Callers serialize commits.
//
// The join of a split dataset (monitoring_data, human_signals_raw, eval_data) is stored as a
// table, not a view: queries do not repeat the join, and rows have a rowid for paging. A full
// sync rebuilds it; an incremental one adds the joined rows the new rows make: new results with
// every dataset row, and waiting results with the new dataset rows. The results table keeps
// only results whose dataset row has not arrived yet, so each result is stored once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/sync_target.h"
#include "sync/table_read.h"

namespace axis::store { class Store; class Connection; }

namespace axis::sync {

struct Committed {
  std::int64_t rows = 0;     // rows the dataset serves now
  std::int64_t before = 0;   // rows it served before
  bool truncated = false;    // a side hit max_sync_rows
};

// `reads`: split targets the dataset then the results table; kpi its one table. Reads not
// staged yet are staged first, as TEMP tables of the commit's connection (max_rows applies).
// Drops the staging tables whether or not the commit succeeds.
Committed commit_generation(store::Store& store, const SyncTarget& target, bool full,
                            std::vector<TableRead> reads, std::int64_t max_rows);

// The watermark key of a live table in _store_metadata, and the stored watermarks (nullopt
// when absent).
std::string watermark_key(const std::string& table);
std::optional<std::string> read_watermark(store::Connection& conn, const std::string& table);
// Removes both watermarks of a split target (the next sync is full); in its own transaction.
void clear_watermarks(store::Store& store, const SyncTarget& target);

// Whether a table or view of that name exists in the store.
bool relation_exists(store::Connection& conn, const std::string& name);

// SELECT joining results rows `results` with dataset rows `dataset` (tables with the columns of
// the target's halves): the results columns, then the dataset columns except dataset_id (one
// also in the results is named dataset_<name>), each group in alphabetical order.
std::string joined_select(store::Connection& conn, const std::string& results,
                          const std::string& dataset);

}  // namespace axis::sync
