#include "annotations/annotation_store.h"

#include <nlohmann/json.hpp>

#include "datasets/catalog.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::annotations {
namespace {

using datasets::DatasetInfo;
using datasets::quote_ident;
using Row = std::vector<std::optional<std::string>>;

const char* kCaseColumn = "dataset_id";
const char* kUtcNow = "timezone('UTC', current_timestamp)";
const char* kSelect =
    "SELECT case_id, judgment, rating, critique, tags_json, flagged, "
    "strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') FROM _annotations ";

const datasets::ColumnInfo* column(const DatasetInfo& ds, const std::string& name) {
  for (const auto& c : ds.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The dataset's case id as VARCHAR SQL (case ids are stored as text).
std::string case_expr(const DatasetInfo& ds, const std::string& qualifier = "") {
  const auto* c = column(ds, kCaseColumn);
  if (c == nullptr) {
    throw util::HttpError(400, "Dataset '" + ds.name + "' has no dataset_id column to identify cases");
  }
  const std::string name = qualifier + quote_ident(kCaseColumn);
  return c->type == "VARCHAR" ? name : "CAST(" + name + " AS VARCHAR)";
}

std::vector<std::string> tags_from_json(const std::string& text) {
  std::vector<std::string> tags;
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return tags;
  for (const auto& t : parsed) {
    if (t.is_string()) tags.push_back(t.get<std::string>());
  }
  return tags;
}

Annotation from_row(const Row& row) {
  Annotation a;
  a.case_id = row[0].value_or("");
  a.judgment = row[1];
  if (row[2]) a.rating = std::stod(*row[2]);
  a.critique = row[3].value_or("");
  a.tags = tags_from_json(row[4].value_or("[]"));
  a.flagged = row[5].value_or("false") == "true";
  a.updated_at = row[6].value_or("");
  return a;
}

store::Value optional_value(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value();
}
store::Value optional_value(const std::optional<double>& v) {
  return v ? store::Value(*v) : store::Value();
}

}  // namespace

DatasetInfo AnnotationStore::dataset(const std::string& dataset_id) const {
  if (dataset_id.empty()) throw util::HttpError({{"missing", {"query", "dataset_id"}, "Field required"}});
  DatasetInfo ds = catalog_.resolve(dataset_id);
  import_file_annotations(ds);
  return ds;
}

void AnnotationStore::require_case(const DatasetInfo& ds, const std::string& case_id) const {
  auto conn = catalog_.store().connection();
  const auto found =
      conn->query("SELECT 1 FROM " + quote_ident(ds.table_name) + " WHERE " + case_expr(ds) +
                      " = ? LIMIT 1", {case_id}).scalar();
  if (!found) throw util::HttpError(404, "Case '" + case_id + "' not found");
}

std::optional<Annotation> AnnotationStore::find(const std::string& dataset_id,
                                                const std::string& case_id) const {
  auto conn = catalog_.store().connection();
  auto rows = conn->query(std::string(kSelect) + "WHERE dataset_id = ? AND case_id = ?",
                          {dataset_id, case_id}).rows();
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

AnnotationList AnnotationStore::list(const std::string& dataset_id) const {
  const DatasetInfo ds = dataset(dataset_id);
  AnnotationList out;
  out.progress = progress(ds);
  auto conn = catalog_.store().connection();
  conn->query(std::string(kSelect) + "WHERE dataset_id = ? ORDER BY case_id", {ds.id})
      .for_each_row([&](const Row& row) { out.annotations.push_back(from_row(row)); });
  return out;
}

Progress AnnotationStore::progress(const std::string& dataset_id) const {
  return progress(dataset(dataset_id));
}

Progress AnnotationStore::progress(const DatasetInfo& ds) const {
  case_expr(ds);  // throws when the dataset has no case column
  const std::string total_sql = "(SELECT count(DISTINCT " + quote_ident(kCaseColumn) +
                                ") FROM " + quote_ident(ds.table_name) + ")";
  auto conn = catalog_.store().connection();
  auto rows = conn->query(
      "SELECT " + total_sql + ", "
      "count(*) FILTER (WHERE judgment IS NOT NULL OR rating IS NOT NULL), "
      "count(*) FILTER (WHERE judgment = 'accept'), count(*) FILTER (WHERE judgment = 'reject'), "
      "count(rating), count(*) FILTER (WHERE flagged) "
      "FROM _annotations WHERE dataset_id = ?", {ds.id}).rows();
  Progress p;
  const Row& r = rows.at(0);
  auto num = [&](std::size_t i) { return r[i] ? std::stoll(*r[i]) : 0; };
  p.total = num(0);
  p.annotated = num(1);
  p.accepted = num(2);
  p.rejected = num(3);
  p.rated = num(4);
  p.flagged = num(5);
  return p;
}

SavedAnnotation AnnotationStore::upsert(const std::string& dataset_id, const std::string& case_id,
                                        const AnnotationPatch& patch) const {
  const DatasetInfo ds = dataset(dataset_id);
  require_case(ds, case_id);
  Annotation a = find(ds.id, case_id).value_or(Annotation{case_id});
  if (patch.judgment) a.judgment = *patch.judgment;
  if (patch.rating) a.rating = *patch.rating;
  if (patch.critique) a.critique = *patch.critique;
  if (patch.tags) a.tags = *patch.tags;
  if (patch.flagged) a.flagged = *patch.flagged;
  {
    auto conn = catalog_.store().connection();
    a.updated_at = conn->query(
        "INSERT INTO _annotations (dataset_id, case_id, judgment, rating, critique, tags_json, "
        "flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + std::string(kUtcNow) + ") "
        "ON CONFLICT (dataset_id, case_id) DO UPDATE SET judgment = excluded.judgment, "
        "rating = excluded.rating, critique = excluded.critique, tags_json = excluded.tags_json, "
        "flagged = excluded.flagged, updated_at = excluded.updated_at "
        "RETURNING strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ')",
        {ds.id, case_id, optional_value(a.judgment), optional_value(a.rating), a.critique,
         nlohmann::json(a.tags).dump(), a.flagged}).scalar().value_or("");
  }
  return {a, progress(ds)};
}

Progress AnnotationStore::remove(const std::string& dataset_id, const std::string& case_id) const {
  const DatasetInfo ds = dataset(dataset_id);
  require_case(ds, case_id);
  {
    auto conn = catalog_.store().connection();
    conn->query("DELETE FROM _annotations WHERE dataset_id = ? AND case_id = ?", {ds.id, case_id});
  }
  return progress(ds);
}

std::string AnnotationStore::export_csv(const std::string& dataset_id,
                                        const std::string& path) const {
  const DatasetInfo ds = dataset(dataset_id);
  const std::string table = quote_ident(ds.table_name);
  const std::string key = quote_ident(kCaseColumn);
  std::string select;
  for (const auto& c : ds.columns) {
    if (c.name == "judgment" || c.name == "critique" || c.name == "user_tags" ||
        c.name == "annotation_flagged") {
      continue;  // replaced by the annotation columns below
    }
    select += "d." + quote_ident(c.name) + ", ";
  }
  const std::string sql =
      "COPY (SELECT " + select +
      "coalesce(a.judgment, CASE WHEN a.rating = floor(a.rating) "
      "THEN CAST(CAST(a.rating AS BIGINT) AS VARCHAR) ELSE CAST(a.rating AS VARCHAR) END) "
      "AS judgment, coalesce(a.critique, '') AS critique, coalesce(a.tags_json, '[]') AS user_tags, "
      "coalesce(a.flagged, false) AS annotation_flagged "
      "FROM " + table + " AS d LEFT JOIN _annotations AS a "
      "ON a.dataset_id = ? AND a.case_id = " + case_expr(ds, "d.") +
      " WHERE d.rowid IN (SELECT min(rowid) FROM " + table + " WHERE " + key +
      " IS NOT NULL GROUP BY " + key + ") ORDER BY d.rowid) TO " +
      datasets::quote_literal(path) + " (FORMAT csv, HEADER true)";
  auto conn = catalog_.store().connection();
  conn->query(sql, {ds.id});
  return ds.name;
}

}  // namespace axis::annotations
