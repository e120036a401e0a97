// Appender: fast row insertion into an existing table through DuckDB's appender.
// Used by one thread; rows become visible on flush() or destruction.
#pragma once

#include <string>
#include <vector>

#include "store/value.h"

struct _duckdb_appender;

namespace axis::store {

class Connection;

class Appender {
 public:
  // Throws StoreError when the table does not exist.
  Appender(Connection& conn, const std::string& table, const std::string& schema = "main");
  ~Appender();  // flushes; errors at this point are swallowed (call flush() to see them)
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;

  // Appends one row; values.size() must equal the table's column count.
  void append_row(const std::vector<Value>& values);
  void flush();

 private:
  [[noreturn]] void fail(const char* what);
  _duckdb_appender* appender_ = nullptr;
};

}  // namespace axis::store
