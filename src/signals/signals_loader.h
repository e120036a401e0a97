// Stores an uploaded human-signals CSV: the raw rows (one per case and metric) in ds_<id> and
// the derived cases in ds_<id>_cases, with the catalog entry (kind human_signals, format
// hitl_feedback), all in one transaction — a failed upload stores nothing.
#pragma once

#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "ingest/csv_file.h"
#include "signals/metric_schema.h"

namespace axis::store { class Connection; }

namespace axis::signals {

struct SignalsLoad {
  datasets::DatasetInfo dataset;  // the raw table's catalog entry
  MetricSchema schema;            // as discovered while loading
};

// Throws HttpError 400 for a file that is not a human-signals CSV: bad CSV (quoting, ragged
// rows, invalid UTF-8, empty, header only), a missing metric_name/dataset_id/signals (naming
// the columns found) or a missing source_name (a `source` column is taken as source_name).
// Header names are matched after lower-casing, trimming and turning spaces into `_`.
SignalsLoad load_signals_csv(const datasets::DatasetCatalog& catalog, const ingest::CsvFile& file,
                             const std::string& name, const std::string& source,
                             const std::vector<std::string>& visible_metrics);

// The derived cases table of a raw table: ds_<id> → ds_<id>_cases; a synced
// human_signals_raw → human_signals_cases.
std::string cases_table_of(const std::string& raw_table);

// Rebuilds the cases table of a raw table whose rows a sync replaced, on `conn` (inside the
// caller's transaction), and forgets its remembered metric schema. Without the dataset_id,
// metric_name, signals and source_name columns there are no cases: the cases table is dropped
// and false returned.
bool rebuild_cases(store::Connection& conn, const std::string& raw_table,
                   const std::vector<std::string>& visible_metrics);

}  // namespace axis::signals
