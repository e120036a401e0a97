// DatasetCatalog: the stored datasets (uploads, examples, imports) and where their rows live.
// Every dataset's rows are one DuckDB table named by the catalog, never by a client. Thread-safe
// (each call takes its own pooled connection); all calls block and belong on the blocking pool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axis::store {
class Store;
class Connection;
}

namespace axis::datasets {

struct ColumnInfo {
  std::string name;
  std::string type;  // DuckDB type name: VARCHAR, DOUBLE, BIGINT, BOOLEAN, TIMESTAMP...
};

struct DatasetInfo {
  std::string id;          // 32 hex digits
  std::string name;        // the uploaded file name, or the example's name
  std::string kind;        // evaluation | annotation | calibration
  std::string format;      // tree_format | flat_format | simple_judgment | fresh_annotation
  std::string table_name;  // "ds_<id>" — safe to splice into SQL (quoted)
  std::int64_t row_count = 0;
  std::vector<ColumnInfo> columns;
  std::string source;      // "upload", "example:model", ...
  std::string created_at;  // ISO 8601 UTC
};

class DatasetCatalog {
 public:
  explicit DatasetCatalog(store::Store& store) : store_(store) {}

  // Newest first; kind empty = all kinds.
  std::vector<DatasetInfo> list(const std::string& kind = "") const;
  std::optional<DatasetInfo> find(const std::string& id) const;
  // The newest dataset of a kind (evaluation by default), if any.
  std::optional<DatasetInfo> newest(const std::string& kind = "evaluation") const;
  // A dataset by id, or the newest evaluation dataset when id is empty. Throws
  // util::HttpError 404 "Dataset '<id>' not found" (or "No evaluation dataset has been
  // uploaded yet") — the one lookup every evaluation endpoint uses.
  DatasetInfo resolve(const std::string& id, const std::string& kind = "evaluation") const;
  // The dataset created from `source` (e.g. "example:model"), if one exists.
  std::optional<DatasetInfo> find_by_source(const std::string& source) const;
  // Drops the rows table and the catalog entry (and annotations) in one transaction. False when
  // the id is unknown.
  bool remove(const std::string& id) const;

  store::Store& store() const { return store_; }

 private:
  store::Store& store_;
};

// A new dataset's entry before anything is stored: a fresh random id and the table "ds_<id>".
DatasetInfo new_dataset(const std::string& name, const std::string& kind,
                        const std::string& format, const std::string& source);

// The columns of a table of the main schema, in table order.
std::vector<ColumnInfo> table_columns(store::Connection& conn, const std::string& table);

// Writes the catalog entry of `info` (id, name, kind, format, table_name, row_count, source;
// its columns are read from the table's schema) on `conn`, inside the caller's transaction, so
// a loader commits the rows table and its entry together.
void insert_catalog_entry(store::Connection& conn, const DatasetInfo& info);

// Double-quotes an identifier for SQL, doubling embedded quotes.
std::string quote_ident(const std::string& name);

// Single-quotes a string literal for SQL, doubling embedded quotes (for the few places DuckDB
// takes no bound value, e.g. COPY targets and read_csv option maps).
std::string quote_literal(const std::string& text);

}  // namespace axis::datasets
