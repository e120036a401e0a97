// DataTools: what the copilot's model may call — the four data tools over the request's rows
// (a stored dataset or posted rows) and run_sql, a guarded read-only SELECT over the store's
// tables. Results are JSON text for the model plus a one-line observation for the user.
// Thread-safe; each call takes its own store connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "copilot/tool_table.h"
#include "llm/chat.h"

namespace axis::store { class Store; }

namespace axis::copilot {

struct ToolResult {
  std::string json;         // what the model reads
  std::string observation;  // "Query complete: 3 matches found"
  bool failed = false;
};

struct SqlLimits {
  std::chrono::milliseconds timeout{10000};
  std::size_t max_rows = 200;
};

class DataTools {
 public:
  // `table` empty: no rows in context (the data tools say so; run_sql still works).
  DataTools(store::Store& store, std::optional<ToolTable> table, SqlLimits limits)
      : store_(store), table_(std::move(table)), limits_(limits) {}

  static const std::vector<llm::ToolSpec>& specs();
  // The tool_use thought for a call, e.g. "Querying data: id=c1, min=True, max=False".
  static std::string describe_call(const std::string& name, const std::string& arguments);

  ToolResult run(const std::string& name, const std::string& arguments) const;
  const std::optional<ToolTable>& table() const { return table_; }

 private:
  ToolResult run_sql(const std::string& arguments) const;
  store::Store& store_;
  std::optional<ToolTable> table_;
  SqlLimits limits_;
};

}  // namespace axis::copilot
