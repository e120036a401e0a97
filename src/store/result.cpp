#include "store/result.h"

#include <duckdb.h>

#include "store/store_error.h"
#include "store/type_names.h"

#include <cstdio>

namespace axis::store {

namespace {
duckdb_result* as_result(void* raw) { return static_cast<duckdb_result*>(raw); }
}  // namespace

Result::Result(void* owned) : raw_(owned) {}

Result::~Result() {
  if (raw_ != nullptr) {
    duckdb_destroy_result(as_result(raw_));
    delete as_result(raw_);
  }
}

Result::Result(Result&& other) noexcept : raw_(other.raw_) { other.raw_ = nullptr; }

std::size_t Result::column_count() const { return duckdb_column_count(as_result(raw_)); }

std::string Result::column_name(std::size_t col) const {
  const char* name = duckdb_column_name(as_result(raw_), col);
  return name ? name : "";
}

std::string Result::column_type(std::size_t col) const {
  duckdb_logical_type type = duckdb_column_logical_type(as_result(raw_), col);
  std::string out = type_name(duckdb_get_type_id(type));
  duckdb_destroy_logical_type(&type);
  return out;
}

std::int64_t Result::rows_changed() const {
  return static_cast<std::int64_t>(duckdb_rows_changed(as_result(raw_)));
}

namespace {

// Text of one cell, for the physical types AXIS's own queries produce. Other types must be cast
// to VARCHAR in SQL (the JSON writer does this through to_json).
std::optional<std::string> cell_text(duckdb_vector vector, duckdb_type type, idx_t row) {
  uint64_t* validity = duckdb_vector_get_validity(vector);
  if (validity != nullptr && !duckdb_validity_row_is_valid(validity, row)) return std::nullopt;
  void* data = duckdb_vector_get_data(vector);
  switch (type) {
    case DUCKDB_TYPE_BOOLEAN: return static_cast<bool*>(data)[row] ? "true" : "false";
    case DUCKDB_TYPE_TINYINT: return std::to_string(static_cast<int8_t*>(data)[row]);
    case DUCKDB_TYPE_SMALLINT: return std::to_string(static_cast<int16_t*>(data)[row]);
    case DUCKDB_TYPE_INTEGER: return std::to_string(static_cast<int32_t*>(data)[row]);
    case DUCKDB_TYPE_BIGINT: return std::to_string(static_cast<int64_t*>(data)[row]);
    case DUCKDB_TYPE_UTINYINT: return std::to_string(static_cast<uint8_t*>(data)[row]);
    case DUCKDB_TYPE_USMALLINT: return std::to_string(static_cast<uint16_t*>(data)[row]);
    case DUCKDB_TYPE_UINTEGER: return std::to_string(static_cast<uint32_t*>(data)[row]);
    case DUCKDB_TYPE_UBIGINT: return std::to_string(static_cast<uint64_t*>(data)[row]);
    case DUCKDB_TYPE_FLOAT: return format_double(static_cast<float*>(data)[row]);
    case DUCKDB_TYPE_DOUBLE: return format_double(static_cast<double*>(data)[row]);
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_BLOB: {
      duckdb_string_t* str = &static_cast<duckdb_string_t*>(data)[row];
      uint32_t length = duckdb_string_t_length(*str);
      return std::string(duckdb_string_t_data(str), length);
    }
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
      return format_timestamp(duckdb_from_timestamp(static_cast<duckdb_timestamp*>(data)[row]));
    case DUCKDB_TYPE_DATE: {
      duckdb_date_struct d = duckdb_from_date(static_cast<duckdb_date*>(data)[row]);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      return std::string(buf);
    }
    default:
      throw StoreError("result column of type " + std::to_string(static_cast<int>(type)) +
                       " must be cast to VARCHAR in SQL");
  }
}

}  // namespace

void Result::for_each_row(
    const std::function<void(const std::vector<std::optional<std::string>>&)>& row) {
  const std::size_t columns = column_count();
  std::vector<duckdb_type> types(columns);
  for (std::size_t c = 0; c < columns; ++c) types[c] = duckdb_column_type(as_result(raw_), c);
  std::vector<std::optional<std::string>> values(columns);
  while (duckdb_data_chunk chunk = duckdb_fetch_chunk(*as_result(raw_))) {
    const idx_t size = duckdb_data_chunk_get_size(chunk);
    try {
      for (idx_t r = 0; r < size; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
          values[c] = cell_text(duckdb_data_chunk_get_vector(chunk, c), types[c], r);
        }
        row(values);
      }
    } catch (...) {
      duckdb_destroy_data_chunk(&chunk);
      throw;
    }
    duckdb_destroy_data_chunk(&chunk);
    if (size == 0) break;
  }
}

std::vector<std::vector<std::optional<std::string>>> Result::rows() {
  std::vector<std::vector<std::optional<std::string>>> out;
  for_each_row([&](const auto& values) { out.push_back(values); });
  return out;
}

std::optional<std::string> Result::scalar() {
  std::optional<std::string> out;
  bool first = true;
  for_each_row([&](const auto& values) {
    if (first && !values.empty()) out = values[0];
    first = false;
  });
  return out;
}

}  // namespace axis::store
