// KPI uploads: a CSV in the kpi_data layout (spec/data.md §1.8) becomes a stored dataset of kind
// "kpi" — checked, converted (numbers, UTC timestamps), de-duplicated by id and catalogued in
// one transaction, so a refused file stores nothing. Blocking; run on the blocking pool.
#pragma once

#include <string>

#include "datasets/catalog.h"
#include "ingest/csv_file.h"
#include "ingest/example_store.h"

namespace axis::kpi {

struct KpiLoadRequest {
  ingest::CsvFile file;  // the checked CSV on disk (not modified, not removed)
  std::string name;    // display name, e.g. the uploaded file name
  std::string source;  // "upload" or "example:kpi"
};

struct KpiLoadResult {
  datasets::DatasetInfo dataset;
  std::string message;  // e.g. "Loaded 120 KPI records (3 KPIs, 2 sources)"
};

// The stored table always has the 14 kpi_data columns in the spec's order — id, created_at
// (TIMESTAMP, UTC), source_name, source_type, kpi_name, kpi_category, dataset_id, numeric_value
// (DOUBLE), source_component, source_step, environment, segment, tags, metadata — absent ones
// NULL, then any other column of the file as text. Headers are matched after
// ingest::normalised_column_name. Throws HttpError 400 naming the problem: a required column
// (kpi_name, numeric_value, created_at) missing, two headers that normalise alike, a row without
// kpi_name or created_at, a numeric_value that is not a number, a created_at that is not a
// timestamp, no data rows, or a CSV that cannot be parsed. Rows repeating an earlier id are
// dropped (the first is kept) and counted in the message; empty numeric_value cells are kept
// as NULL.
KpiLoadResult load_kpi_csv(const datasets::DatasetCatalog& catalog, const KpiLoadRequest& request);

// The bundled example `name` ("kpi": <directory>/kpi_example.csv), stored as source
// "example:kpi" on first use; later calls return the stored dataset. Throws HttpError 404
// "Dataset not found. Available: ['kpi']" for any other name or a missing file.
KpiLoadResult load_kpi_example(ingest::ExampleStore& examples, const std::string& directory,
                               const std::string& name);

}  // namespace axis::kpi
