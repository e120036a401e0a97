// DatabaseService: the work behind the database import wizard (/api/database) and the imports of
// configured sources (/api/*/db-import). It keeps the connection handles (database/handles.h),
// opens a fresh PostgreSQL connection per request with the source's statement timeout, reads
// through source_browser.h, and spools import rows to a CSV file for the caller to load.
// Owned by the App, one per process. Thread-safe: the handle registry locks itself, everything
// else is per call. Every method that talks to PostgreSQL blocks (run it on the blocking pool).
// Errors are util::HttpError: 400 (refused by PostgreSQL, unknown store, no rows), 401 (unknown
// or expired handle), 404 (unknown table or column), 408 (statement timeout), 422 (bad SQL).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/settings.h"
#include "database/handles.h"
#include "database/source_browser.h"

namespace axis::database {

// The connection a user asks for. A password of "********" stands for the configured one.
struct ConnectRequest {
  std::string host;
  int port = 5432;
  std::string database, username, password;
  std::string ssl_mode;  // empty = require
  std::string db_type;   // empty, postgres or postgresql
};

struct Connected {
  std::string handle;
  std::string version;  // the server's, e.g. "16.4"
};

// A table with the column mappings and equality filters of a preview or an import.
struct MappedTable {
  TableRef table;
  std::vector<ColumnMapping> mappings;
  std::vector<Filter> filters;
};

// Rows copied to a CSV file by an import.
struct SpooledRows {
  std::string store;  // the handle's store: data | monitoring | human_signals
  std::int64_t rows = 0;
};

inline constexpr const char* kMaskedPassword = "********";

class DatabaseService {
 public:
  // `settings` must outlive the service.
  explicit DatabaseService(const config::Settings& settings) : settings_(settings) {}
  DatabaseService(const DatabaseService&) = delete;
  DatabaseService& operator=(const DatabaseService&) = delete;

  // The source a store's imports read from; 400 for a store other than data, monitoring or
  // human_signals.
  const config::SourceSettings& source(const std::string& store) const;

  // Connects once to check the credentials, then keeps them behind a new handle (15 minutes).
  // 400 "Authentication failed: ..." or "Could not connect: ..."; 422 for another db_type.
  Connected connect(const std::string& store, ConnectRequest request);
  bool disconnect(const std::string& handle) { return handles_.remove(handle); }
  std::size_t live_handles() { return handles_.live(); }

  // The reads of source_browser.h through a handle. The table list keeps to the source's
  // allowlist.
  std::vector<SourceTable> tables(const std::string& handle);
  SourceSchema schema(const std::string& handle, const TableRef& table);
  std::vector<std::string> distinct_values(const std::string& handle, const TableRef& table,
                                           const std::string& column, std::int64_t limit);
  SourceRows preview(const std::string& handle, const MappedTable& table, std::int64_t limit);
  SourceRows query(const std::string& handle, const std::string& sql, std::int64_t limit);

  // Copies a table's mapped, filtered rows (or the rows of the user's SELECT) to a CSV with a
  // header at `path`. 400 when there is no row.
  SpooledRows import_table(const std::string& handle, const MappedTable& table,
                           std::int64_t limit, bool distinct, const std::string& path);
  SpooledRows import_query(const std::string& handle, const std::string& sql, std::int64_t limit,
                           bool distinct, const std::string& path);

  // Copies a configured source's rows (its results joined to its dataset rows, each query
  // limited to row_limit) to `path`. With `rename`, the source's `columns` map renames them
  // first. 400 when the source is not configured or returns no row.
  std::int64_t import_source(const config::SourceSettings& source, bool rename,
                             const std::string& path);

 private:
  // Runs work(handle, conn, timeout) on a fresh connection of `handle` with its source's
  // statement timeout (defined in the .cpp, its only user).
  template <class F>
  auto through(const std::string& handle, F&& work);

  const config::Settings& settings_;
  HandleRegistry handles_;
};

}  // namespace axis::database
