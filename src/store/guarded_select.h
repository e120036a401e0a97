// guarded_select: runs SQL written by someone else (a user, a model) against the store, safely:
// exactly one SELECT, reading only the allowed tables (no table functions such as read_csv), in a
// transaction that is rolled back, interrupted after a timeout, at most max_rows rows.
#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace axis::store {

class Connection;

struct GuardedSelectOptions {
  std::vector<std::string> allowed_tables;  // compared case-insensitively
  std::chrono::milliseconds timeout{10000};
  std::size_t max_rows = 200;
};

struct GuardedSelectResult {
  std::vector<std::string> columns;
  std::string rows_json = "[]";  // an array of row objects
  std::size_t row_count = 0;
  bool truncated = false;        // the query had more than max_rows rows
};

// The query was refused or failed; the message says why in words fit for the caller.
class GuardedSelectError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

GuardedSelectResult guarded_select(Connection& conn, const std::string& sql,
                                   const GuardedSelectOptions& options);

}  // namespace axis::store
