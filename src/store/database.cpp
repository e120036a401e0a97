#include "store/database.h"

#include <duckdb.h>

#include "store/store_error.h"

namespace axis::store {
namespace {

void set_option(duckdb_config config, const char* name, const std::string& value) {
  if (duckdb_set_config(config, name, value.c_str()) == DuckDBError) {
    duckdb_destroy_config(&config);
    throw StoreError(std::string("invalid DuckDB option ") + name + "='" + value + "'");
  }
}

// DuckDB reports a held file lock as "Could not set lock on file ... Conflicting lock is held in
// <program> (PID n)". Turn that into a message an operator can act on.
std::string explain_open_failure(const std::string& path, const std::string& error) {
  if (error.find("Conflicting lock") != std::string::npos ||
      error.find("Could not set lock") != std::string::npos) {
    std::string holder;
    auto pid = error.find("PID ");
    if (pid != std::string::npos) {
      auto end = error.find_first_not_of("0123456789", pid + 4);
      holder = " (held by PID " + error.substr(pid + 4, end - pid - 4) + ")";
    }
    return "store file " + path + " is already in use by another process" + holder +
           ": AXIS allows one server per store file; stop the other server or use another "
           "--data-dir";
  }
  return "cannot open store file " + path + ": " + error;
}

}  // namespace

Database::Database(const DatabaseOptions& options) : path_(options.path) {
  duckdb_config config = nullptr;
  if (duckdb_create_config(&config) == DuckDBError) throw StoreError("cannot create DuckDB config");
  if (!options.memory_limit.empty()) set_option(config, "memory_limit", options.memory_limit);
  if (options.threads > 0) set_option(config, "threads", std::to_string(options.threads));
  // Uploaded files and extensions are never fetched from the network.
  set_option(config, "autoinstall_known_extensions", "false");
  set_option(config, "autoload_known_extensions", "false");

  char* error = nullptr;
  const char* file = (path_.empty() || path_ == ":memory:") ? nullptr : path_.c_str();
  duckdb_state state = duckdb_open_ext(file, &db_, config, &error);
  duckdb_destroy_config(&config);
  if (state == DuckDBError) {
    std::string message = error ? error : "unknown error";
    if (error) duckdb_free(error);
    throw StoreError(explain_open_failure(path_, message));
  }
}

Database::~Database() {
  if (db_ != nullptr) duckdb_close(&db_);
}

std::string duckdb_version() { return duckdb_library_version(); }

}  // namespace axis::store
