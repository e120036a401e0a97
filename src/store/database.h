// Database: one open DuckDB database file (or in-memory database), RAII.
// Thread-safe: connections may be opened from any thread.
#pragma once

#include <string>

struct _duckdb_database;

namespace axis::store {

struct DatabaseOptions {
  std::string path;          // file path; ":memory:" or empty for an in-memory database
  std::string memory_limit;  // DuckDB memory_limit, e.g. "1GB"; empty = DuckDB default
  int threads = 0;           // DuckDB worker threads; 0 = DuckDB default
};

class Database {
 public:
  // Opens or creates the file (its parent directory must exist). Throws StoreError with a clear
  // message, naming the holder's PID when another process has the file open.
  explicit Database(const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  _duckdb_database* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  _duckdb_database* db_ = nullptr;
  std::string path_;
};

// "1.4.4" style version of the linked DuckDB library.
std::string duckdb_version();

}  // namespace axis::store
