// PgConnection: one libpq connection to a PostgreSQL source. Text in, text out: query results
// come back as text cells (NULL as nullopt) with their column names and type OIDs; COPY ... TO
// STDOUT streams its bytes to a callback as they arrive. Errors are PgError with libpq's message
// (it never contains the password). One thread uses a connection at a time, except cancel(),
// which any thread may call to stop the statement in progress. Blocking.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace axis::pg {

class PgError : public std::runtime_error {
 public:
  // `sqlstate` is the server's five-character error code ("" for client-side errors).
  PgError(const std::string& message, std::string sqlstate = "")
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool cancelled() const { return sqlstate_ == "57014"; }  // query_canceled (also timeouts)

 private:
  std::string sqlstate_;
};

// Type OIDs of the built-in types the sync engine tells apart.
namespace oid {
constexpr unsigned kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kFloat4 = 700,
                   kFloat8 = 701, kVarchar = 1043, kDate = 1082, kTimestamp = 1114,
                   kTimestampTz = 1184, kNumeric = 1700;
}

struct PgResult {
  std::vector<std::string> columns;
  std::vector<unsigned> types;  // type OIDs, one per column
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class PgConnection {
 public:
  // Connects with a libpq URL (postgresql://...). Throws PgError when it cannot.
  static std::unique_ptr<PgConnection> connect(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one or more statements that return no rows (SET, BEGIN, ...).
  void execute(const std::string& sql);
  // Runs one statement with $1, $2, ... bound to `params` (as text; nullopt = NULL).
  PgResult query(const std::string& sql,
                 const std::vector<std::optional<std::string>>& params = {});
  struct CopyCount {
    std::int64_t bytes = 0, rows = 0;
  };
  // Runs `COPY (...) TO STDOUT ...` and hands each piece of its output to `sink` in order.
  // Returns the bytes and the rows the server reports. A failure part-way throws after the
  // pieces already handed on.
  CopyCount copy_out(const std::string& copy_sql, const std::function<void(std::string_view)>& sink);
  // Asks the server to cancel the statement in progress, if any; thread-safe.
  void cancel();
  // "16.4" style server version.
  std::string server_version() const;

 private:
  explicit PgConnection(void* conn);
  [[noreturn]] void fail(void* result, const std::string& what);

  void* conn_;  // PGconn*
  std::mutex cancel_mutex_;
};

// SQL text for PostgreSQL: an identifier in double quotes, a string literal in single quotes
// (inner quotes doubled; standard_conforming_strings, so backslashes are plain characters).
// Both throw std::invalid_argument for text with a NUL byte, which PostgreSQL cannot hold.
std::string quote_ident(std::string_view name);
std::string quote_literal(std::string_view text);

}  // namespace axis::pg
