// Connection and PreparedStatement: RAII wrappers over a DuckDB connection and statement.
// A Connection is used by one thread at a time (the pool hands it out exclusively).
#pragma once

#include <string>
#include <vector>

#include "store/result.h"
#include "store/value.h"

struct _duckdb_connection;
struct _duckdb_prepared_statement;

namespace axis::store {

class Database;

class PreparedStatement {
 public:
  PreparedStatement(_duckdb_connection* conn, const std::string& sql);  // throws StoreError
  ~PreparedStatement();
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;

  // Binds values to ?1..?n in order, replacing earlier bindings. Throws on a count mismatch.
  void bind(const std::vector<Value>& values);
  // Runs the statement with the current bindings. Throws StoreError with DuckDB's message.
  Result execute();

 private:
  _duckdb_prepared_statement* stmt_ = nullptr;
};

class Connection {
 public:
  explicit Connection(Database& db);  // throws StoreError
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs trusted SQL written by AXIS itself (DDL, migrations). Never pass user text here.
  Result execute(const std::string& sql);
  // Prepares SQL with ? placeholders, binds values and runs it.
  Result query(const std::string& sql, const std::vector<Value>& values);
  PreparedStatement prepare(const std::string& sql) { return PreparedStatement(conn_, sql); }

  _duckdb_connection* handle() const { return conn_; }

 private:
  _duckdb_connection* conn_ = nullptr;
};

}  // namespace axis::store
