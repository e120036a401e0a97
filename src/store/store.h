// Store: AXIS's embedded analytics store. Owns the DuckDB database, a pool of
// `query_concurrency` connections and AXIS's own schema (migrated on open).
// Thread-safe; every method may block and must run on the blocking pool, never an I/O thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/connection_pool.h"

namespace axis::store {

class Database;

struct StoreOptions {
  std::string path;          // file; ":memory:" for tests
  std::string memory_limit;  // DuckDB memory_limit; empty = default
  int threads = 0;           // DuckDB threads; 0 = default
  int query_concurrency = 8; // pool size
};

// What GET /health and the Settings page report about the store.
struct StoreProbe {
  bool open = false;
  bool writable = false;
  std::string error;         // why it is not writable, when it is not
  std::int64_t file_bytes = 0;
};

class Store {
 public:
  // Creates the parent directory, opens the file, runs migrations. Throws StoreError with a
  // clear message (file in use by another process, permission denied, newer schema).
  explicit Store(const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // An exclusive connection until the lease is destroyed.
  ConnectionPool::Lease connection();

  // Proves the store is usable by writing and reading back one metadata row.
  StoreProbe probe();
  // Bytes used on disk by the database file and its WAL (0 for in-memory stores).
  std::int64_t file_bytes() const;

  const std::string& path() const { return options_.path; }
  int schema_version() const { return schema_version_; }
  int pool_size() const;
  // User-visible tables (AXIS's internal "_" tables excluded), sorted.
  std::vector<std::string> tables();

  // _store_metadata key/value access; values are JSON text.
  void put_metadata(const std::string& key, const std::string& json_text);
  std::optional<std::string> get_metadata(const std::string& key);

 private:
  StoreOptions options_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ConnectionPool> pool_;
  int schema_version_ = 0;
};

}  // namespace axis::store
