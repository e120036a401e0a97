#include "store/sql_text.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace axis::store {

std::int64_t page_offset(std::int64_t page, std::int64_t page_size) {
  const std::int64_t pages_before = page > 1 ? page - 1 : 0;
  if (page_size > 0 && pages_before > std::numeric_limits<std::int64_t>::max() / page_size) {
    return std::numeric_limits<std::int64_t>::max();
  }
  return pages_before * page_size;
}

SqlWhere& SqlWhere::add(std::string condition, std::vector<Value> values) {
  conditions_.push_back(std::move(condition));
  for (auto& v : values) values_.push_back(std::move(v));
  return *this;
}

SqlWhere& SqlWhere::add_any(const std::string& expr, const std::vector<std::string>& values) {
  if (values.size() == 1) return add(expr + " = ?", {values.front()});
  return add(expr + " IN (" + placeholders(values.size()) + ")",
             std::vector<Value>(values.begin(), values.end()));
}

std::string SqlWhere::conditions() const {
  if (conditions_.empty()) return "true";
  std::string out;
  for (const std::string& c : conditions_) {
    if (!out.empty()) out += " AND ";
    out += "(" + c + ")";
  }
  return out;
}

std::string SqlWhere::sql() const {
  return conditions_.empty() ? std::string() : " WHERE " + conditions();
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::optional<double> cell_optional_double(const std::optional<std::string>& cell) {
  if (!cell || cell->empty()) return std::nullopt;
  double v = 0;
  const char* begin = cell->data();
  const char* end = begin + cell->size();
  auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

double cell_double(const std::optional<std::string>& cell, double fallback) {
  return cell_optional_double(cell).value_or(fallback);
}

std::int64_t cell_int(const std::optional<std::string>& cell) {
  if (!cell) return 0;
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), v);
  if (ec != std::errc()) return static_cast<std::int64_t>(cell_double(cell));
  return v;
}

std::string js_number_text(const std::string& expr) {
  // DuckDB writes decimals as JavaScript does, except for "3.0" and "-0.0"; its exponent form
  // ("1.5e-05", "1e+16") is split into sign, first digit, other digits and exponent, then
  // written out in full where JavaScript would (exponents -6..-1 and 16..20).
  const std::string text = "CAST(" + expr + " AS VARCHAR)";
  const std::string parts = "regexp_extract(" + text +
                            ", '^(-?)(\\d)(?:\\.(\\d+))?e([+-]\\d+)$', ['sign', 'd', 'f', 'e'])";
  const std::string exp = "CAST(_axis_n.e AS INTEGER)";
  return "CASE WHEN NOT contains(" + text + ", 'e') THEN (CASE WHEN (" + expr +
         ") = 0 THEN '0' ELSE regexp_replace(" + text + ", '\\.0$', '') END) "
         "ELSE list_transform([" + parts + "], lambda _axis_n: CASE"
         " WHEN " + exp + " BETWEEN -6 AND -1 THEN _axis_n.sign || '0.' || repeat('0', -" + exp +
         " - 1) || _axis_n.d || _axis_n.f"
         " WHEN " + exp + " BETWEEN 16 AND 20 THEN _axis_n.sign || _axis_n.d || _axis_n.f ||"
         " repeat('0', " + exp + " - length(_axis_n.f))"
         " ELSE _axis_n.sign || _axis_n.d || CASE WHEN _axis_n.f = '' THEN '' ELSE '.' ||"
         " _axis_n.f END || 'e' || CASE WHEN " + exp + " > 0 THEN '+' ELSE '-' END ||"
         " CAST(abs(" + exp + ") AS VARCHAR) END)[1] END";
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace axis::store
