// The copilot's four data tools (query, analyze, summarize, compare), each one or a few SQL
// statements over a ToolTable. Arguments and results are JSON objects; a tool that cannot do
// what it was asked returns {"error": ...} rather than throwing.
#pragma once

#include "copilot/tool_sql.h"
#include "copilot/tool_table.h"

namespace axis::copilot {

Json query_data(store::Connection& conn, const ToolTable& t, const Json& args);
Json analyze_data(store::Connection& conn, const ToolTable& t, const Json& args);
Json summarize_data(store::Connection& conn, const ToolTable& t, const Json& args);
Json compare_data(store::Connection& conn, const ToolTable& t, const Json& args);

// Per-metric means over the rows matching `where` (empty = all rows; one ? bound to `needle`).
std::vector<std::pair<std::string, std::optional<double>>> metric_means(
    store::Connection& conn, const ToolTable& t, const std::vector<std::string>& metrics,
    const std::string& where = "", const std::vector<store::Value>& values = {});

}  // namespace axis::copilot
