#include "store/store.h"

#include <chrono>
#include <filesystem>
#include <system_error>

#include "store/database.h"
#include "store/migrations.h"
#include "store/store_error.h"

namespace axis::store {
namespace fs = std::filesystem;

namespace {

bool in_memory(const std::string& path) { return path.empty() || path == ":memory:"; }

void ensure_parent(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw StoreError("cannot create directory " + parent.string() + ": " + ec.message());
}

}  // namespace

Store::Store(const StoreOptions& options) : options_(options) {
  if (!in_memory(options_.path)) ensure_parent(options_.path);
  db_ = std::make_unique<Database>(
      DatabaseOptions{options_.path, options_.memory_limit, options_.threads});
  pool_ = std::make_unique<ConnectionPool>(*db_, options_.query_concurrency);
  auto conn = pool_->acquire();
  schema_version_ = migrate(*conn, builtin_migrations());
}

Store::~Store() {
  pool_.reset();
  db_.reset();
}

ConnectionPool::Lease Store::connection() { return pool_->acquire(); }

int Store::pool_size() const { return pool_->size(); }

StoreProbe Store::probe() {
  StoreProbe result;
  result.open = db_ != nullptr;
  result.file_bytes = file_bytes();
  try {
    auto conn = pool_->acquire(std::chrono::seconds(5));
    const std::string stamp = std::to_string(
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now().time_since_epoch()).count());
    conn->query(
        "INSERT OR REPLACE INTO _store_metadata (table_name, metadata_json, updated_at) "
        "VALUES ('_health_probe', ?, current_timestamp)", {stamp});
    auto back = conn->query(
        "SELECT metadata_json FROM _store_metadata WHERE table_name = '_health_probe'", {}).scalar();
    result.writable = back && *back == stamp;
    if (!result.writable) result.error = "probe row did not read back";
  } catch (const StoreError& e) {
    result.error = e.what();
  }
  return result;
}

std::int64_t Store::file_bytes() const {
  if (in_memory(options_.path)) return 0;
  std::int64_t total = 0;
  for (const std::string& file : {options_.path, options_.path + ".wal"}) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (!ec) total += static_cast<std::int64_t>(size);
  }
  return total;
}

std::vector<std::string> Store::tables() {
  auto conn = pool_->acquire();
  std::vector<std::string> out;
  conn->execute(
          "SELECT table_name FROM information_schema.tables "
          "WHERE table_schema = 'main' AND NOT starts_with(table_name, '_') ORDER BY table_name")
      .for_each_row([&](const auto& row) { if (row[0]) out.push_back(*row[0]); });
  return out;
}

void Store::put_metadata(const std::string& key, const std::string& json_text) {
  auto conn = pool_->acquire();
  conn->query(
      "INSERT OR REPLACE INTO _store_metadata (table_name, metadata_json, updated_at) "
      "VALUES (?, ?, current_timestamp)", {key, json_text});
}

std::optional<std::string> Store::get_metadata(const std::string& key) {
  auto conn = pool_->acquire();
  return conn->query("SELECT metadata_json FROM _store_metadata WHERE table_name = ?", {key})
      .scalar();
}

}  // namespace axis::store
