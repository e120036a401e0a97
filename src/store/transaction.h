// Runs work inside one DuckDB transaction on a connection: committed when it returns, rolled
// back when it throws (the original error is the one that propagates).
#pragma once

#include <type_traits>
#include <utility>

#include "store/connection.h"
#include "store/store_error.h"

namespace axis::store {

template <class Work>
auto in_transaction(Connection& conn, Work&& work) {
  conn.execute("BEGIN TRANSACTION");
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      std::forward<Work>(work)();
      conn.execute("COMMIT");
    } else {
      auto result = std::forward<Work>(work)();
      conn.execute("COMMIT");
      return result;
    }
  } catch (...) {
    try {
      conn.execute("ROLLBACK");
    } catch (const StoreError&) {
      // the transaction is already gone; the original error says why
    }
    throw;
  }
}

}  // namespace axis::store
