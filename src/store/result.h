// Result: owns one materialized or streaming DuckDB result and reads it chunk by chunk.
// Not thread-safe; use it on the thread that produced it, before its connection is returned.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace axis::store {

class Result {
 public:
  // Takes ownership of a heap-allocated duckdb_result (opaque here to keep duckdb.h private).
  explicit Result(void* owned_duckdb_result);
  ~Result();
  Result(Result&& other) noexcept;
  Result& operator=(Result&&) = delete;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  std::size_t column_count() const;
  std::string column_name(std::size_t col) const;
  // DuckDB's SQL name of the column type, e.g. "VARCHAR", "DOUBLE", "TIMESTAMP".
  std::string column_type(std::size_t col) const;
  std::int64_t rows_changed() const;

  // Calls row(values) for every row; each value is its text form, or nullopt for NULL.
  // Values are rendered by DuckDB's VARCHAR cast, so they read exactly as DuckDB prints them.
  void for_each_row(const std::function<void(const std::vector<std::optional<std::string>>&)>& row);

  // Convenience: all rows as text (small results only).
  std::vector<std::vector<std::optional<std::string>>> rows();
  // The first column of the first row, or nullopt when there is no row or it is NULL.
  std::optional<std::string> scalar();

 private:
  void* raw_;
};

}  // namespace axis::store
