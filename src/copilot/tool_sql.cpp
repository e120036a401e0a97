#include "copilot/tool_sql.h"

#include <charconv>
#include <cmath>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "util/json_text.h"

namespace axis::copilot {

std::string quoted(const std::string& column) { return datasets::quote_ident(column); }

Json rows_json(store::Connection& conn, const std::string& sql, const std::vector<store::Value>& values) {
  Json rows = Json::array();
  store::for_each_row_json(conn, sql, values, [&](std::string_view row) {
    rows.push_back(Json::parse(row, nullptr, false));
  });
  return rows;
}

std::vector<std::optional<std::string>> one_row(store::Connection& conn, const std::string& sql,
                                                const std::vector<store::Value>& values) {
  auto rows = conn.query(sql, values).rows();
  return rows.empty() ? std::vector<std::optional<std::string>>{} : rows.front();
}

std::optional<double> number(const std::optional<std::string>& cell) {
  if (!cell) return std::nullopt;
  try {
    const double v = std::stod(*cell);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

long long count_of(const std::optional<std::string>& cell) {
  const auto v = number(cell);
  return v ? static_cast<long long>(*v) : 0;
}

double round_to(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

Json rounded(std::optional<double> value, int digits) {
  if (!value) return nullptr;
  return round_to(*value, digits);
}

std::string text_arg(const Json& args, const char* key, const std::string& absent) {
  auto it = args.find(key);
  if (it == args.end() || it->is_null()) return absent;
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string contains_ci(const std::string& column) {
  return "contains(lower(CAST(" + quoted(column) + " AS VARCHAR)), lower(?))";
}

}  // namespace axis::copilot
