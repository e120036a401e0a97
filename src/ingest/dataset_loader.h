// DatasetLoader: turns an uploaded CSV file into a stored dataset — detects the format, loads the
// rows with DuckDB's CSV reader straight from disk into a new table with the normalised layout,
// and registers it in the catalog, all in one transaction (a failed load stores nothing).
#pragma once

#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "ingest/csv_file.h"
#include "ingest/formats.h"
#include "store/value.h"

namespace axis::ingest {

struct LoadRequest {
  CsvFile file;        // the checked CSV on disk (not modified, not removed)
  std::string name;    // display name, e.g. the uploaded file name
  std::string source;  // "upload", "example:model", ...
  std::string kind;    // empty = by format (evaluation | annotation)
};

// Rows that AXIS's own SELECT produces (trusted SQL with bound values), stored like an upload of
// a CSV with `header`: e.g. a finished eval run's scores, read straight from the store's tables.
struct SelectSource {
  std::string sql;
  std::vector<store::Value> values;
  std::vector<std::string> header;  // the SELECT's column names, in order
};

struct LoadResult {
  datasets::DatasetInfo dataset;
  std::string message;  // e.g. "Tree format with 600 nodes, root: Overall Quality"
};

class DatasetLoader {
 public:
  explicit DatasetLoader(const datasets::DatasetCatalog& catalog) : catalog_(catalog) {}

  // Throws HttpError 400 with a clear message for anything wrong with the file (empty, header
  // only, unknown format, ragged rows, broken quoting, invalid UTF-8, text where a score must be).
  LoadResult load(const LoadRequest& request) const;

  // The same for rows of a SELECT: no file is written or read back. HttpError 400 for a header
  // of no known format or no rows.
  LoadResult load_select(const SelectSource& source, const std::string& name, const std::string& origin) const;
  // The raw detection of a CSV (format, columns, row count) without storing anything.
  struct Detection {
    DataFormat format;
    std::vector<std::string> columns;
    std::int64_t row_count;
  };
  Detection detect(const CsvFile& file) const;

 private:
  const datasets::DatasetCatalog& catalog_;
};

}  // namespace axis::ingest
