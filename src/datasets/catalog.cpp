#include "datasets/catalog.h"

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "util/http_error.h"
#include "util/random_id.h"

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

// `text` between two `quote`s, each `quote` inside doubled (SQL's escape for both kinds).
std::string enclosed(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  return out + quote;
}

}  // namespace

std::string quote_ident(const std::string& name) { return enclosed(name, '"'); }

std::string quote_literal(const std::string& text) { return enclosed(text, '\''); }

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
    throw util::HttpError(404, "No " + kind + " dataset has been uploaded yet");
  }
  if (auto d = find(id)) return *d;
  throw util::HttpError(404, "Dataset '" + id + "' not found");
}

std::vector<ColumnInfo> table_columns(store::Connection& conn, const std::string& table) {
  std::vector<ColumnInfo> out;
  conn.query("SELECT column_name, data_type FROM information_schema.columns "
             "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
             {table})
      .for_each_row([&](const auto& row) { out.push_back({row[0].value_or(""), row[1].value_or("")}); });
  return out;
}

DatasetInfo new_dataset(const std::string& name, const std::string& kind,
                        const std::string& format, const std::string& source) {
  DatasetInfo info;
  info.id = util::random_hex_id();
  info.table_name = "ds_" + info.id;
  info.name = name;
  info.kind = kind;
  info.format = format;
  info.source = source;
  return info;
}

void insert_catalog_entry(store::Connection& conn, const DatasetInfo& info) {
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& c : table_columns(conn, info.table_name)) {
    cols.push_back({{"name", c.name}, {"type", c.type}});
  }
  conn.query("INSERT INTO _datasets (id, name, kind, format, table_name, row_count, "
             "columns_json, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {info.id, info.name, info.kind, info.format, info.table_name, info.row_count,
              cols.dump(), info.source});
}

bool DatasetCatalog::remove(const std::string& id) const {
  auto d = find(id);
  if (!d) return false;
  auto conn = store_.connection();
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->execute("DROP TABLE IF EXISTS " + quote_ident(d->table_name));
    // Human-signals datasets keep their derived per-case table (and its remembered metric
    // schema) beside the raw rows.
    if (d->kind == "human_signals") {
      conn->execute("DROP TABLE IF EXISTS " + quote_ident(d->table_name + "_cases"));  // uploads: ds_<id>_cases
      conn->query("DELETE FROM _store_metadata WHERE table_name = ?",
                  {"human_signals_metric_schema:" + d->table_name});
    }
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
