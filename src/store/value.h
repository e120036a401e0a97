// A value bound to a prepared statement parameter or appended to a table row.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace axis::store {

// NULL, BOOLEAN, BIGINT, DOUBLE or VARCHAR. Every user-supplied value reaches DuckDB this way,
// never spliced into SQL text.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

}  // namespace axis::store
