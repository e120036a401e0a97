#include "store/appender.h"

#include <duckdb.h>

#include <type_traits>

#include "store/connection.h"
#include "store/store_error.h"

namespace axis::store {

Appender::Appender(Connection& conn, const std::string& table, const std::string& schema) {
  if (duckdb_appender_create(conn.handle(), schema.c_str(), table.c_str(), &appender_) ==
      DuckDBError) {
    fail("cannot create appender");
  }
}

Appender::~Appender() {
  if (appender_ != nullptr) duckdb_appender_destroy(&appender_);
}

void Appender::fail(const char* what) {
  const char* error = appender_ ? duckdb_appender_error(appender_) : nullptr;
  throw StoreError(std::string(what) + (error ? std::string(": ") + error : ""));
}

void Appender::append_row(const std::vector<Value>& values) {
  for (const Value& value : values) {
    duckdb_state state = std::visit(
        [&](const auto& v) -> duckdb_state {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) return duckdb_append_null(appender_);
          else if constexpr (std::is_same_v<T, bool>) return duckdb_append_bool(appender_, v);
          else if constexpr (std::is_same_v<T, std::int64_t>) return duckdb_append_int64(appender_, v);
          else if constexpr (std::is_same_v<T, double>) return duckdb_append_double(appender_, v);
          else return duckdb_append_varchar_length(appender_, v.data(), v.size());
        },
        value);
    if (state == DuckDBError) fail("cannot append value");
  }
  if (duckdb_appender_end_row(appender_) == DuckDBError) fail("cannot end row");
}

void Appender::flush() {
  if (duckdb_appender_flush(appender_) == DuckDBError) fail("cannot flush appender");
}

}  // namespace axis::store
