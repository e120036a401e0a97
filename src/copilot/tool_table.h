// ToolTable: the rows the copilot's data tools read — a stored dataset's table or the rows a
// request posted (kept in a file for the request's life) — with their columns and which of them
// are metrics (numeric, not boolean), in table order.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace axis::store { class Connection; }

namespace axis::copilot {

struct ToolColumn {
  std::string name;
  std::string type;  // DuckDB type name
  bool numeric = false;
};

struct ToolTable {
  std::string from;      // SQL to read the rows from: a quoted table or read_json(...)
  std::string format;    // echoed by summarize_data ("" = unknown)
  std::string label;     // what the rows are, for the model ("dataset 'x.csv' (evaluation)")
  std::vector<ToolColumn> columns;

  std::vector<std::string> metric_names(std::size_t limit = SIZE_MAX) const;
  const ToolColumn* find(const std::string& name) const;
};

// Reads the columns of `from` (DESCRIBE). Throws store::StoreError when it cannot be read.
std::vector<ToolColumn> describe_columns(store::Connection& conn, const std::string& from);

// True for DuckDB's numeric types (integers, floats, decimals); false for BOOLEAN and the rest.
bool is_numeric_type(const std::string& type);

}  // namespace axis::copilot
