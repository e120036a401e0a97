#include "store/guarded_select.h"

#include <duckdb.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/connection.h"
#include "store/json_rows.h"
#include "store/store_error.h"
#include "util/text.h"

namespace axis::store {
namespace {

std::size_t statement_count(duckdb_connection conn, const std::string& sql, std::string& error) {
  duckdb_extracted_statements extracted = nullptr;
  const idx_t n = duckdb_extract_statements(conn, sql.c_str(), &extracted);
  if (n == 0) {
    const char* e = duckdb_extract_statements_error(extracted);
    error = e ? e : "cannot read the SQL";
  }
  duckdb_destroy_extracted(&extracted);
  return n;
}

std::vector<std::string> table_names(duckdb_connection conn, const std::string& sql) {
  std::vector<std::string> names;
  duckdb_value list = duckdb_get_table_names(conn, sql.c_str(), false);
  if (list == nullptr) return names;
  const idx_t n = duckdb_get_list_size(list);
  for (idx_t i = 0; i < n; ++i) {
    duckdb_value child = duckdb_get_list_child(list, i);
    char* text = duckdb_get_varchar(child);
    if (text) names.emplace_back(text);
    duckdb_free(text);
    duckdb_destroy_value(&child);
  }
  duckdb_destroy_value(&list);
  return names;
}

// True when the parsed statement reads a table function (read_csv, glob, query_table, ...).
bool reads_table_function(const nlohmann::json& node) {
  if (node.is_object()) {
    auto type = node.find("type");
    if (type != node.end() && type->is_string() && *type == "TABLE_FUNCTION") return true;
    for (const auto& [key, child] : node.items()) {
      if (reads_table_function(child)) return true;
    }
  } else if (node.is_array()) {
    for (const auto& child : node) {
      if (reads_table_function(child)) return true;
    }
  }
  return false;
}

void check_statement(Connection& conn, const std::string& sql, const GuardedSelectOptions& options) {
  std::string error;
  const std::size_t count = statement_count(conn.handle(), sql, error);
  if (count == 0) throw GuardedSelectError("The SQL cannot be read: " + error);
  if (count > 1) throw GuardedSelectError("Only one statement is allowed");
  {
    duckdb_prepared_statement stmt = nullptr;
    if (duckdb_prepare(conn.handle(), sql.c_str(), &stmt) == DuckDBError) {
      std::string message = stmt ? duckdb_prepare_error(stmt) : "cannot prepare the SQL";
      duckdb_destroy_prepare(&stmt);
      throw GuardedSelectError(message);
    }
    const auto type = duckdb_prepared_statement_type(stmt);
    const idx_t params = duckdb_nparams(stmt);
    duckdb_destroy_prepare(&stmt);
    if (type != DUCKDB_STATEMENT_TYPE_SELECT) throw GuardedSelectError("Only SELECT statements are allowed");
    if (params != 0) throw GuardedSelectError("Parameters ($1, ?) are not supported; write the values in the SQL");
  }
  auto tree = conn.query("SELECT json_serialize_sql(?::VARCHAR)", {sql}).scalar();
  const auto parsed = nlohmann::json::parse(tree.value_or("{}"), nullptr, false);
  if (parsed.is_discarded() || parsed.value("error", false)) throw GuardedSelectError("The SQL cannot be read");
  if (reads_table_function(parsed)) {
    throw GuardedSelectError("Table functions (such as read_csv or glob) are not allowed; query the stored tables");
  }
  std::vector<std::string> allowed;
  for (const auto& t : options.allowed_tables) allowed.push_back(util::ascii_lower(t));
  for (const auto& name : table_names(conn.handle(), sql)) {
    if (std::find(allowed.begin(), allowed.end(), util::ascii_lower(name)) == allowed.end()) {
      throw GuardedSelectError("Table '" + name + "' is not one of the tables that may be queried");
    }
  }
}

// Interrupts the connection's running query once the timeout passes, unless stopped first.
class Watchdog {
 public:
  Watchdog(duckdb_connection conn, std::chrono::milliseconds timeout)
      : thread_([this, conn, timeout] {
          std::unique_lock lock(mu_);
          if (!cv_.wait_for(lock, timeout, [this] { return done_; })) {
            fired_ = true;
            duckdb_interrupt(conn);
          }
        }) {}
  ~Watchdog() { stop(); }
  void stop() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  bool fired() const { return fired_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

}  // namespace

GuardedSelectResult guarded_select(Connection& conn, const std::string& sql_text,
                                   const GuardedSelectOptions& options) {
  const std::string sql(util::without_trailing_semicolons(sql_text));
  if (util::is_blank(sql)) throw GuardedSelectError("The SQL is empty");
  check_statement(conn, sql, options);

  GuardedSelectResult out;
  conn.execute("BEGIN TRANSACTION");
  struct Rollback {
    Connection& c;
    ~Rollback() {
      try {
        c.execute("ROLLBACK");
      } catch (const std::exception&) {
      }
    }
  } rollback{conn};
  const std::string limited = "SELECT * FROM (" + sql + "\n) AS _axis_q LIMIT " +
                              std::to_string(options.max_rows + 1);
  Watchdog watchdog(conn.handle(), options.timeout);
  try {
    auto described = conn.execute("DESCRIBE " + limited).rows();
    for (const auto& row : described) out.columns.push_back(row[0].value_or(""));
    std::string rows = "[";
    for_each_row_json(conn, limited, {}, [&](std::string_view row) {
      if (out.row_count == options.max_rows) {
        out.truncated = true;
        return;
      }
      if (out.row_count++ > 0) rows += ',';
      rows.append(row);
    });
    rows += ']';
    out.rows_json = std::move(rows);
  } catch (const StoreError& e) {
    watchdog.stop();
    if (watchdog.fired()) {
      throw GuardedSelectError("The query took longer than " +
                               std::to_string(options.timeout.count() / 1000.0).substr(0, 4) +
                               " s and was stopped");
    }
    throw GuardedSelectError(e.what());
  }
  return out;
}

}  // namespace axis::store
