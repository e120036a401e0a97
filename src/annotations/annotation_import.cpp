// Imports the annotations an uploaded file already carries (judgment, critique, user_tags,
// annotation_flagged columns; spec/data.md §1.6) into _annotations, once per dataset.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "annotations/annotation_store.h"
#include "annotations/annotation_values.h"
#include "datasets/catalog.h"
#include "store/store.h"
#include "store/store_error.h"

namespace axis::annotations {
namespace {

using datasets::quote_ident;
using Row = std::vector<std::optional<std::string>>;

constexpr std::size_t kBatchRows = 200;

bool has_column(const datasets::DatasetInfo& ds, const std::string& name) {
  for (const auto& c : ds.columns) {
    if (c.name == name) return true;
  }
  return false;
}

// The column as text, or NULL when the dataset does not have it.
std::string text_or_null(const datasets::DatasetInfo& ds, const std::string& name) {
  return has_column(ds, name) ? "CAST(" + quote_ident(name) + " AS VARCHAR)" : "NULL";
}

struct Imported {
  std::string case_id;
  NormalizedJudgment judgment;
  std::string critique;
  std::vector<std::string> tags;
  bool flagged = false;
};

std::optional<Imported> from_cells(const Row& row) {
  Imported a;
  a.case_id = row[0].value_or("");
  if (row[1]) a.judgment = normalize_judgment(*row[1]);
  a.critique = row[2].value_or("");
  if (row[3]) a.tags = parse_user_tags(*row[3]);
  a.flagged = row[4] && parse_flag(*row[4]);
  const bool any = a.judgment.judgment || a.judgment.rating || !a.critique.empty() ||
                   !a.tags.empty() || a.flagged;
  if (!any) return std::nullopt;
  return a;
}

void insert_batch(store::Connection& conn, const std::string& dataset_id,
                  const std::vector<Imported>& rows, std::size_t from, std::size_t to) {
  std::string sql =
      "INSERT OR IGNORE INTO _annotations (dataset_id, case_id, judgment, rating, critique, "
      "tags_json, flagged, updated_at) VALUES ";
  std::vector<store::Value> values;
  for (std::size_t i = from; i < to; ++i) {
    const Imported& a = rows[i];
    sql += i == from ? "" : ", ";
    sql += "(?, ?, ?, ?, ?, ?, ?, timezone('UTC', current_timestamp))";
    values.emplace_back(dataset_id);
    values.emplace_back(a.case_id);
    values.emplace_back(std::monostate());
    if (a.judgment.judgment) values.back() = *a.judgment.judgment;
    values.emplace_back(std::monostate());
    if (a.judgment.rating) values.back() = *a.judgment.rating;
    values.emplace_back(a.critique);
    values.emplace_back(nlohmann::json(a.tags).dump());
    values.emplace_back(a.flagged);
  }
  conn.query(sql, values);
}

}  // namespace

void AnnotationStore::import_file_annotations(const datasets::DatasetInfo& ds) const {
  // critique alone is a standard evaluation column, not a sign of human annotations.
  if (!has_column(ds, "dataset_id") ||
      !(has_column(ds, "judgment") || has_column(ds, "user_tags") ||
        has_column(ds, "annotation_flagged"))) {
    return;
  }
  const std::string marker = "annotations_imported:" + ds.id;
  auto conn = catalog_.store().connection();
  auto imported = [&] {
    return conn->query("SELECT 1 FROM _store_metadata WHERE table_name = ?", {marker}).scalar()
        .has_value();
  };
  if (imported()) return;

  const std::string key = quote_ident("dataset_id");
  std::vector<Imported> rows;
  conn->execute(
      "SELECT CAST(" + key + " AS VARCHAR), " + text_or_null(ds, "judgment") + ", " +
      text_or_null(ds, "critique") + ", " + text_or_null(ds, "user_tags") + ", " +
      text_or_null(ds, "annotation_flagged") + " FROM " + quote_ident(ds.table_name) +
      " WHERE " + key + " IS NOT NULL QUALIFY row_number() OVER (PARTITION BY " + key +
      " ORDER BY rowid) = 1 ORDER BY rowid")
      .for_each_row([&](const Row& row) {
        if (auto a = from_cells(row)) rows.push_back(std::move(*a));
      });

  // Two first requests may race here; the loser's transaction fails and finds the marker set.
  try {
    conn->execute("BEGIN TRANSACTION");
    for (std::size_t from = 0; from < rows.size(); from += kBatchRows) {
      insert_batch(*conn, ds.id, rows, from, std::min(rows.size(), from + kBatchRows));
    }
    conn->query("INSERT INTO _store_metadata (table_name, metadata_json) VALUES (?, ?)",
                {marker, nlohmann::json{{"rows", rows.size()}}.dump()});
    conn->execute("COMMIT");
  } catch (const store::StoreError&) {
    try {
      conn->execute("ROLLBACK");
    } catch (const store::StoreError&) {
      // a failed COMMIT has already ended the transaction
    }
    if (!imported()) throw;
  }
}

}  // namespace axis::annotations
