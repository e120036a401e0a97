// SQL-building helpers shared by the services: a WHERE clause built from fixed SQL
// fragments with bound values, and readers for the text cells store::Result hands out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/value.h"

namespace axis::store {

// Conditions joined with AND. Each fragment is AXIS's own SQL with ? placeholders; the values
// are bound in the order the fragments were added.
class SqlWhere {
 public:
  SqlWhere& add(std::string condition, std::vector<Value> values = {});
  // "expr = ?" for one value, "expr IN (?, …)" for several; `expr` is AXIS's own SQL.
  SqlWhere& add_any(const std::string& expr, const std::vector<std::string>& values);
  // " WHERE a AND b", or "" when there is no condition.
  std::string sql() const;
  // "a AND b", or "true".
  std::string conditions() const;
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

// "?, ?, ?" for n values.
std::string placeholders(std::size_t n);

// The OFFSET of a 1-based page of `page_size` rows: 0 for page 1 and below, saturating at the
// largest int64 instead of overflowing.
std::int64_t page_offset(std::int64_t page, std::int64_t page_size);

// A numeric cell as a finite double; null, unparsable or non-finite → fallback.
double cell_double(const std::optional<std::string>& cell, double fallback = 0.0);
std::optional<double> cell_optional_double(const std::optional<std::string>& cell);
std::int64_t cell_int(const std::optional<std::string>& cell);

// A SQL expression turning the finite DOUBLE `expr` into the text JavaScript's String(n) gives
// it (the web UI's way of printing a number): shortest round-trip digits, no ".0" on whole
// numbers, "-0" as "0", exponent form only below 1e-6 or from 1e21 on ("1e-7", "1e+21").
// DuckDB's own cast differs (3.0 → "3.0", 0.00001 → "1e-05"). `expr` must be SQL that AXIS
// wrote; it appears several times in the result.
std::string js_number_text(const std::string& expr);

// Names joined with ", " (for error messages).
std::string join_names(const std::vector<std::string>& names);

}  // namespace axis::store
