#include "store/connection.h"

#include <duckdb.h>

#include <type_traits>

#include "store/database.h"
#include "store/store_error.h"

namespace axis::store {
namespace {

Result take_result(duckdb_state state, duckdb_result* raw) {
  Result result(raw);  // owns raw from here on, error or not
  if (state == DuckDBError) {
    const char* error = duckdb_result_error(raw);
    throw StoreError(error ? error : "query failed");
  }
  return result;
}

}  // namespace

PreparedStatement::PreparedStatement(duckdb_connection conn, const std::string& sql) {
  if (duckdb_prepare(conn, sql.c_str(), &stmt_) == DuckDBError) {
    std::string error = stmt_ ? duckdb_prepare_error(stmt_) : "prepare failed";
    duckdb_destroy_prepare(&stmt_);
    throw StoreError(error);
  }
}

PreparedStatement::~PreparedStatement() {
  if (stmt_ != nullptr) duckdb_destroy_prepare(&stmt_);
}

void PreparedStatement::bind(const std::vector<Value>& values) {
  const idx_t expected = duckdb_nparams(stmt_);
  if (expected != values.size()) {
    throw StoreError("statement expects " + std::to_string(expected) + " parameters, got " +
                     std::to_string(values.size()));
  }
  duckdb_clear_bindings(stmt_);
  for (idx_t i = 0; i < values.size(); ++i) {
    const idx_t index = i + 1;
    duckdb_state state = std::visit(
        [&](const auto& v) -> duckdb_state {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) return duckdb_bind_null(stmt_, index);
          else if constexpr (std::is_same_v<T, bool>) return duckdb_bind_boolean(stmt_, index, v);
          else if constexpr (std::is_same_v<T, std::int64_t>) return duckdb_bind_int64(stmt_, index, v);
          else if constexpr (std::is_same_v<T, double>) return duckdb_bind_double(stmt_, index, v);
          else return duckdb_bind_varchar_length(stmt_, index, v.data(), v.size());
        },
        values[i]);
    if (state == DuckDBError) throw StoreError("cannot bind parameter " + std::to_string(index));
  }
}

Result PreparedStatement::execute() {
  auto* raw = new duckdb_result{};
  return take_result(duckdb_execute_prepared(stmt_, raw), raw);
}

Connection::Connection(Database& db) {
  if (duckdb_connect(db.handle(), &conn_) == DuckDBError) throw StoreError("cannot connect to store");
}

Connection::~Connection() {
  if (conn_ != nullptr) duckdb_disconnect(&conn_);
}

Result Connection::execute(const std::string& sql) {
  auto* raw = new duckdb_result{};
  return take_result(duckdb_query(conn_, sql.c_str(), raw), raw);
}

Result Connection::query(const std::string& sql, const std::vector<Value>& values) {
  PreparedStatement stmt(conn_, sql);
  stmt.bind(values);
  return stmt.execute();
}

}  // namespace axis::store
