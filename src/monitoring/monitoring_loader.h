// MonitoringLoader: stores a monitoring CSV (spec data.md §1.4) as a catalogued dataset of kind
// "monitoring". The header is normalised and aliased (monitoring_columns.h), every cell is read
// as text by DuckDB's CSV reader and converted in one CREATE TABLE AS: timestamps to UTC,
// latency and *_score columns to DOUBLE, has_errors to BOOLEAN. Table and catalog entry are
// written in one transaction, so a refused file stores nothing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "ingest/csv_file.h"

namespace axis::monitoring {

struct LoadRequest {
  ingest::CsvFile file;  // the checked CSV on disk (not modified, not removed)
  std::string name;    // display name, e.g. the uploaded file name
  std::string source;  // "upload", "example:monitoring", ...
  std::map<std::string, std::string> yaml_columns;  // monitoring_db `columns` (header -> name)
};

struct LoadResult {
  datasets::DatasetInfo dataset;
  std::vector<std::string> metric_columns;
  std::string message;                // "Processed {n} monitoring records" (+ what was coerced)
  std::vector<std::string> warnings;  // e.g. "2 non-numeric values stored as null in column latency"
};

class MonitoringLoader {
 public:
  explicit MonitoringLoader(const datasets::DatasetCatalog& catalog) : catalog_(catalog) {}

  // Throws HttpError 400 for: no dataset_id column (after aliases), no data rows ("Empty
  // dataset"), a timestamp in no accepted form (naming the value, its row and column), and
  // anything wrong with the CSV itself (empty, ragged rows, broken quoting, invalid UTF-8,
  // duplicate column names).
  LoadResult load(const LoadRequest& request) const;

 private:
  const datasets::DatasetCatalog& catalog_;
};

// "Processed {n} monitoring records"
std::string processed_message(std::int64_t rows);

}  // namespace axis::monitoring
