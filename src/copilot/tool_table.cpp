#include "copilot/tool_table.h"

#include "store/connection.h"

namespace axis::copilot {

std::vector<std::string> ToolTable::metric_names(std::size_t limit) const {
  std::vector<std::string> out;
  for (const auto& c : columns) {
    if (c.numeric && out.size() < limit) out.push_back(c.name);
  }
  return out;
}

const ToolColumn* ToolTable::find(const std::string& name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

bool is_numeric_type(const std::string& type) {
  static const char* const kinds[] = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                                      "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
                                      "FLOAT", "DOUBLE", "DECIMAL"};
  for (const char* k : kinds) {
    if (type.rfind(k, 0) == 0) return true;
  }
  return false;
}

std::vector<ToolColumn> describe_columns(store::Connection& conn, const std::string& from) {
  std::vector<ToolColumn> out;
  for (const auto& row : conn.execute("DESCRIBE SELECT * FROM " + from).rows()) {
    ToolColumn c{row[0].value_or(""), row[1].value_or(""), false};
    c.numeric = is_numeric_type(c.type);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace axis::copilot
