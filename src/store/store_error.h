// The one exception type the store raises. Messages never contain secrets; they may contain SQL
// identifiers and DuckDB's own error text.
#pragma once

#include <stdexcept>
#include <string>

namespace axis::store {

class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace axis::store
