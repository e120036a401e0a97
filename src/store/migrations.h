// Versioned schema migrations for AXIS's own tables in the store.
#pragma once

#include <string>
#include <vector>

namespace axis::store {

class Connection;

struct Migration {
  int version;
  std::string name;
  std::string sql;  // trusted DDL, may hold several statements
};

// AXIS's migrations in ascending version order.
const std::vector<Migration>& builtin_migrations();

// Applies every migration newer than the recorded version, each in its own transaction, and
// records it in _schema_migrations. Returns the resulting version. Throws StoreError when a
// migration fails (that migration is rolled back) or when the file is newer than this binary.
int migrate(Connection& conn, const std::vector<Migration>& migrations);

}  // namespace axis::store
