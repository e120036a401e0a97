#include "sync/generation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "signals/signals_loader.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::sync {
namespace {

using datasets::quote_ident;
using datasets::quote_literal;

std::vector<std::string> sorted_columns(store::Connection& conn, const std::string& table) {
  std::vector<std::string> names;
  for (const auto& c : staged_columns(conn, table)) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::int64_t count_of(store::Connection& conn, const std::string& relation) {
  return store::cell_int(conn.execute("SELECT count(*) FROM " + quote_ident(relation)).scalar());
}

// The watermark of a live table: the largest value of its incremental column among its rows,
// and, for the results of a split dataset, among the joined rows too (they hold the results'
// columns under their own names).
void write_watermark(store::Connection& conn, const TableRead& read, const std::string& joined) {
  const std::string col = quote_ident(read.incremental_column);
  std::string sql = "SELECT CAST(max(" + col + ") AS VARCHAR) FROM (SELECT " + col + " FROM " +
                    quote_ident(read.table);
  if (!joined.empty()) sql += " UNION ALL SELECT " + col + " FROM " + quote_ident(joined);
  const auto max = conn.execute(sql + ")").scalar();
  if (!max) return;  // no values yet: no watermark, the next sync is full
  conn.query("INSERT OR REPLACE INTO _store_metadata (table_name, metadata_json, updated_at) "
             "VALUES (?, ?, current_timestamp)",
             {watermark_key(read.table), nlohmann::json(*max).dump()});
}

// The catalog entry of the synced dataset: created on the first sync, then updated, so its id
// stays while created_at and row_count name the generation.
void write_catalog_entry(store::Connection& conn, const SyncTarget& target, std::int64_t rows) {
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& c : datasets::table_columns(conn, target.table)) {
    cols.push_back({{"name", c.name}, {"type", c.type}});
  }
  const auto existing =
      conn.query("SELECT id FROM _datasets WHERE source = ?", {target.catalog_source()}).scalar();
  if (existing) {
    conn.query("UPDATE _datasets SET row_count = ?, columns_json = ?, created_at = current_timestamp "
               "WHERE id = ?",
               {rows, cols.dump(), *existing});
    return;
  }
  datasets::DatasetInfo info = datasets::new_dataset(target.source->name, target.kind,
                                                     target.format, target.catalog_source());
  info.table_name = target.table;
  info.row_count = rows;
  datasets::insert_catalog_entry(conn, info);
}

// The halves and their join, inside the caller's transaction; `results.staging` is a TEMP
// table of the commit's connection. The results table keeps only the results whose dataset
// row has not arrived (the others are in the joined table), so results are stored once.
void commit_split(store::Connection& conn, const SyncTarget& target, bool full,
                  const TableRead& dataset, const TableRead& results) {
  const std::string joined = quote_ident(target.table);
  const std::string d_live = quote_ident(dataset.table), d_new = quote_ident(dataset.staging);
  const std::string r_live = quote_ident(results.table), r_new = quote_ident(results.staging);
  auto unmatched = [&](const std::string& r, const std::string& d) {
    return "SELECT * FROM " + r + " AS r WHERE NOT EXISTS (SELECT 1 FROM " + d +
           " AS d WHERE d.dataset_id = r.dataset_id)";
  };
  if (full) {
    conn.execute("DROP TABLE IF EXISTS " + d_live);
    conn.execute("ALTER TABLE " + d_new + " RENAME TO " + d_live);
    conn.execute("CREATE OR REPLACE TABLE " + joined + " AS " +
                 joined_select(conn, results.staging, dataset.table));
    conn.execute("CREATE OR REPLACE TABLE " + r_live + " AS " + unmatched(r_new, d_live));
  } else {
    // Waiting results whose dataset rows are new; then the new dataset rows; then the new
    // results with every dataset row, and those still waiting.
    conn.execute("INSERT INTO " + joined + " BY NAME " + joined_select(conn, results.table, dataset.staging));
    conn.execute("DELETE FROM " + r_live + " WHERE dataset_id IN (SELECT dataset_id FROM " + d_new + ")");
    conn.execute("INSERT INTO " + d_live + " BY NAME SELECT * FROM " + d_new);
    conn.execute("DROP TABLE " + d_new);
    conn.execute("INSERT INTO " + joined + " BY NAME " + joined_select(conn, results.staging, dataset.table));
    conn.execute("INSERT INTO " + r_live + " BY NAME " + unmatched(r_new, d_live));
  }
  conn.execute("DROP TABLE " + r_new);
}

// What is computed from the dataset's rows: the human-signals cases table (rebuilt now) and
// the evaluation summaries (rebuilt by the next request).
void refresh_derived(store::Connection& conn, const SyncTarget& target) {
  if (target.kind == "human_signals" &&
      !signals::rebuild_cases(conn, target.table, target.source->visible_metrics)) {
    spdlog::warn("sync {}: no dataset_id, metric_name, signals and source_name columns, so no "
                 "cases table", target.name);
  }
  if (target.kind == "evaluation") analytics::forget_summaries(conn, target.table);
}

}  // namespace

std::string watermark_key(const std::string& table) { return "_watermark_" + table; }

std::optional<std::string> read_watermark(store::Connection& conn, const std::string& table) {
  auto text = conn.query("SELECT metadata_json FROM _store_metadata WHERE table_name = ?",
                         {watermark_key(table)})
                  .scalar();
  if (!text) return std::nullopt;
  const auto value = nlohmann::json::parse(*text, nullptr, false);
  if (!value.is_string()) return std::nullopt;
  return value.get<std::string>();
}

void clear_watermarks(store::Store& store, const SyncTarget& target) {
  auto conn = store.connection();
  conn->query("DELETE FROM _store_metadata WHERE table_name IN (?, ?)",
              {watermark_key(target.dataset_table), watermark_key(target.results_table)});
}

bool relation_exists(store::Connection& conn, const std::string& name) {
  return conn.query("SELECT 1 FROM duckdb_tables() WHERE table_name = ? UNION ALL "
                    "SELECT 1 FROM duckdb_views() WHERE view_name = ? AND NOT internal",
                    {name, name})
      .scalar()
      .has_value();
}

std::string joined_select(store::Connection& conn, const std::string& results,
                          const std::string& dataset) {
  const std::vector<std::string> results_columns = sorted_columns(conn, results);
  const std::set<std::string> taken(results_columns.begin(), results_columns.end());
  std::string select;
  for (const std::string& c : results_columns) {
    select += (select.empty() ? "r." : ", r.") + quote_ident(c);
  }
  for (const std::string& c : sorted_columns(conn, dataset)) {
    if (c == "dataset_id") continue;
    select += ", d." + quote_ident(c);
    if (taken.count(c)) select += " AS " + quote_ident("dataset_" + c);
  }
  return "SELECT " + select + " FROM " + quote_ident(results) + " AS r INNER JOIN " +
         quote_ident(dataset) + " AS d ON r.dataset_id = d.dataset_id";
}

Committed commit_generation(store::Store& store, const SyncTarget& target, bool full,
                            std::vector<TableRead> reads, std::int64_t max_rows) {
  Committed out;
  auto conn = store.connection();
  try {
    // Halves read but not staged go into TEMP tables of this connection.
    for (auto& r : reads) {
      if (r.is_staged) continue;
      r.staged = stage_csv(*conn, r.staging, r.copy, r.names, max_rows, true);
      r.is_staged = true;
    }
    for (const auto& r : reads) out.truncated = out.truncated || r.staged.truncated;
    if (relation_exists(*conn, target.table)) out.before = count_of(*conn, target.table);
    conn->execute("BEGIN TRANSACTION");
    try {
      if (target.split) {
        commit_split(*conn, target, full, reads.at(0), reads.at(1));
      } else {
        conn->execute("DROP TABLE IF EXISTS " + quote_ident(target.table));
        conn->execute("ALTER TABLE " + quote_ident(reads.at(0).staging) + " RENAME TO " +
                      quote_ident(target.table));
      }
      for (std::size_t i = 0; i < reads.size(); ++i) {
        const TableRead& r = reads[i];
        const bool results_half = target.split && i == 1;
        if (!r.incremental_column.empty()) write_watermark(*conn, r, results_half ? target.table : "");
      }
      refresh_derived(*conn, target);
      out.rows = count_of(*conn, target.table);
      write_catalog_entry(*conn, target, out.rows);
      conn->execute("COMMIT");
    } catch (...) {
      conn->execute("ROLLBACK");
      throw;
    }
  } catch (...) {
    for (const auto& r : reads) conn->execute("DROP TABLE IF EXISTS " + quote_ident(r.staging));
    throw;
  }
  return out;
}

}  // namespace axis::sync
