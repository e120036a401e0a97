#include "analytics/eval_dataset.h"

#include <stdexcept>

#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

// The catalog records each table's columns; an entry without them is read from the schema.
void fill_columns(datasets::DatasetInfo& info, const datasets::DatasetCatalog& catalog) {
  if (!info.columns.empty()) return;
  auto conn = catalog.store().connection();
  conn->query("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
              "ORDER BY column_index",
              {info.table_name})
      .for_each_row([&](const auto& row) {
        info.columns.push_back({row[0].value_or(""), row[1].value_or("")});
      });
}

}  // namespace

EvalDataset EvalDataset::open_any(const datasets::DatasetCatalog& catalog, const std::string& id) {
  datasets::DatasetInfo info = catalog.resolve(id);
  fill_columns(info, catalog);
  return EvalDataset(std::move(info));
}

EvalDataset EvalDataset::open(const datasets::DatasetCatalog& catalog, const std::string& id) {
  EvalDataset d = open_any(catalog, id);
  if (!d.is_metric_rows()) {
    throw util::HttpError(400, "Dataset '" + d.id() + "' has no metric scores (format: " +
                                   d.info().format + ")");
  }
  return d;
}

bool EvalDataset::is_metric_rows() const { return has("metric_name") && has("metric_score"); }

bool EvalDataset::has(const std::string& column) const { return !type_of(column).empty(); }

std::string EvalDataset::type_of(const std::string& column) const {
  for (const auto& c : info_.columns) {
    if (c.name == column) return c.type.empty() ? "VARCHAR" : c.type;
  }
  return "";
}

std::string EvalDataset::table() const { return datasets::quote_ident(info_.table_name); }

std::string EvalDataset::column(const std::string& name) const {
  if (!has(name)) throw std::logic_error("no column " + name);
  return datasets::quote_ident(name);
}

std::string EvalDataset::text(const std::string& name) const {
  const std::string type = type_of(name);
  if (type.empty()) return "CAST(NULL AS VARCHAR)";
  if (type == "VARCHAR") return datasets::quote_ident(name);
  return "CAST(" + datasets::quote_ident(name) + " AS VARCHAR)";
}

std::string EvalDataset::number(const std::string& name) const {
  const std::string type = type_of(name);
  if (type.empty()) return "CAST(NULL AS DOUBLE)";
  if (type == "DOUBLE") return datasets::quote_ident(name);
  return "TRY_CAST(" + datasets::quote_ident(name) + " AS DOUBLE)";
}

std::string EvalDataset::experiment() const {
  return "coalesce(nullif(" + text("evaluation_name") + ", ''), 'Default')";
}

}  // namespace axis::analytics
