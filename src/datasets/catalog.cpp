#include "datasets/catalog.h"

#include <nlohmann/json.hpp>

#include "http/http_error.h"
#include "store/store.h"

namespace axis::datasets {
namespace {

const char* kSelect =
    "SELECT id, name, kind, format, table_name, row_count, columns_json, source, "
    "strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') FROM _datasets ";

DatasetInfo from_row(const std::vector<std::optional<std::string>>& row) {
  DatasetInfo d;
  d.id = row[0].value_or("");
  d.name = row[1].value_or("");
  d.kind = row[2].value_or("");
  d.format = row[3].value_or("");
  d.table_name = row[4].value_or("");
  d.row_count = row[5] ? std::stoll(*row[5]) : 0;
  auto cols = nlohmann::json::parse(row[6].value_or("[]"), nullptr, false);
  if (cols.is_array()) {
    for (const auto& c : cols) d.columns.push_back({c.value("name", ""), c.value("type", "")});
  }
  d.source = row[7].value_or("");
  d.created_at = row[8].value_or("");
  return d;
}

std::vector<DatasetInfo> query(store::Store& store, const std::string& where,
                               const std::vector<store::Value>& values) {
  auto conn = store.connection();
  std::vector<DatasetInfo> out;
  conn->query(std::string(kSelect) + where + " ORDER BY created_at DESC, rowid DESC", values)
      .for_each_row([&](const auto& row) { out.push_back(from_row(row)); });
  return out;
}

}  // namespace

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<DatasetInfo> DatasetCatalog::list(const std::string& kind) const {
  if (kind.empty()) return query(store_, "", {});
  return query(store_, "WHERE kind = ?", {kind});
}

std::optional<DatasetInfo> DatasetCatalog::find(const std::string& id) const {
  auto found = query(store_, "WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<DatasetInfo> DatasetCatalog::newest(const std::string& kind) const {
  auto found = list(kind);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<DatasetInfo> DatasetCatalog::find_by_source(const std::string& source) const {
  auto found = query(store_, "WHERE source = ?", {source});
  if (found.empty()) return std::nullopt;
  return found.front();
}

DatasetInfo DatasetCatalog::resolve(const std::string& id, const std::string& kind) const {
  if (id.empty()) {
    if (auto d = newest(kind)) return *d;
    throw http::HttpError(404, "No " + kind + " dataset has been uploaded yet");
  }
  if (auto d = find(id)) return *d;
  throw http::HttpError(404, "Dataset '" + id + "' not found");
}

bool DatasetCatalog::remove(const std::string& id) const {
  auto d = find(id);
  if (!d) return false;
  auto conn = store_.connection();
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->execute("DROP TABLE IF EXISTS " + quote_ident(d->table_name));
    conn->query("DELETE FROM _annotations WHERE dataset_id = ?", {id});
    conn->query("DELETE FROM _datasets WHERE id = ?", {id});
    conn->execute("COMMIT");
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
  return true;
}

}  // namespace axis::datasets
