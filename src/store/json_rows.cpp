#include "store/json_rows.h"

#include <cstring>

#include "store/connection.h"

namespace axis::store {

std::string replace_non_finite(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char ch = json[i];
    if (in_string) {
      out.push_back(ch);
      if (ch == '\\' && i + 1 < json.size()) out.push_back(json[++i]);
      else if (ch == '"') in_string = false;
      continue;
    }
    if (ch == '"') {
      in_string = true;
      out.push_back(ch);
      continue;
    }
    for (const char* word : {"NaN", "Infinity", "-Infinity"}) {
      const std::size_t len = std::strlen(word);
      if (json.compare(i, len, word) == 0) {
        out += "null";
        i += len - 1;
        goto next;
      }
    }
    out.push_back(ch);
  next:;
  }
  return out;
}

std::int64_t for_each_row_json(Connection& conn, const std::string& sql,
                               const std::vector<Value>& values,
                               const std::function<void(std::string_view)>& row) {
  const std::string row_sql =
      "SELECT CAST(to_json(_axis_r) AS VARCHAR) FROM (" + sql + ") AS _axis_r";
  std::int64_t count = 0;
  conn.query(row_sql, values).for_each_row([&](const auto& cells) {
    if (!cells[0]) {
      row("null");
    } else if (cells[0]->find_first_of("NI") == std::string::npos) {
      row(*cells[0]);  // fast path: no non-finite number can be present
    } else {
      row(replace_non_finite(*cells[0]));
    }
    ++count;
  });
  return count;
}

std::int64_t write_rows_json(Connection& conn, const std::string& sql,
                             const std::vector<Value>& values,
                             const std::function<void(std::string_view)>& sink) {
  std::int64_t count = 0;
  sink("[");
  for_each_row_json(conn, sql, values, [&](std::string_view row) {
    if (count++ > 0) sink(",");
    sink(row);
  });
  sink("]");
  return count;
}

}  // namespace axis::store
