#include "ingest/dataset_loader.h"

#include <algorithm>
#include <unordered_set>

#include "ingest/csv_read.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::ingest {
namespace {

using datasets::quote_ident;

struct Plan {
  DataFormat format;
  std::string types;       // the types = {...} body
  std::string projection;  // SELECT list
};

Plan plan_for(DataFormat format, const std::vector<std::string>& header) {
  Plan plan{format, {}, {}};
  std::unordered_set<std::string> used;
  for (const ColumnDefault& col : normalised_columns(format)) {
    std::string source;
    if (util::contains(header, col.name)) source = col.name;
    else if (auto from = renamed_from(col.name, header)) source = *from;
    std::string expr;
    if (source.empty()) {
      expr = "CAST(" + col.value + " AS " + col.sql_type + ")";
    } else {
      used.insert(source);
      plan.types += (plan.types.empty() ? "'" : ", '") + source + "': '" + col.sql_type + "'";
      const std::string ref = quote_ident(source);
      if (col.name == "parent") expr = "NULLIF(trim(" + ref + "), '')";
      else if (col.value != "NULL" && col.sql_type == "VARCHAR") expr = "coalesce(" + ref + ", " + col.value + ")";
      else expr = ref;
    }
    plan.projection += (plan.projection.empty() ? "" : ", ") + expr + " AS " + quote_ident(col.name);
  }
  for (const std::string& name : header) {
    if (used.contains(name)) continue;
    plan.projection += ", " + quote_ident(name);
  }
  return plan;
}

std::string describe_message(DataFormat format, std::int64_t rows, store::Connection& conn,
                             const std::string& table) {
  switch (format) {
    case DataFormat::tree_format:
    case DataFormat::flat_format: {
      std::string roots;
      conn.execute("SELECT metric_name FROM " + quote_ident(table) +
                   " WHERE parent IS NULL AND metric_name IS NOT NULL"
                   " GROUP BY metric_name ORDER BY min(rowid)")
          .for_each_row([&](const auto& row) { roots += (roots.empty() ? "" : ", ") + row[0].value_or(""); });
      return std::string(format == DataFormat::tree_format ? "Tree" : "Flat") + " format with " +
             std::to_string(rows) + " nodes, root: " + roots;
    }
    case DataFormat::simple_judgment:
      return "Simple judgment format with " + std::to_string(rows) + " evaluations";
    default:
      return "Fresh annotation for " + std::to_string(rows) + " model outputs";
  }
}

}  // namespace

DatasetLoader::Detection DatasetLoader::detect(const CsvFile& file) const {
  const std::vector<std::string>& header = file.header();
  const std::string& path = file.path();
  auto conn = catalog_.store().connection();
  try {
    auto count = conn->query("SELECT count(*) FROM " + csv_source("", false), {path}).scalar();
    return {detect_format(header), header, count ? std::stoll(*count) : 0};
  } catch (const store::StoreError& e) {
    throw util::HttpError(400, csv_error(e.what(), path, header.size()));
  }
}

LoadResult DatasetLoader::load(const LoadRequest& request) const {
  const std::vector<std::string>& header = request.file.header();
  const std::string& path = request.file.path();
  const auto format = storage_format(header);
  if (!format) throw util::HttpError(400, unknown_format_message(header));
  const Plan plan = plan_for(*format, header);

  datasets::DatasetInfo info =
      datasets::new_dataset(request.name, request.kind.empty() ? kind_of(*format) : request.kind,
                            format_name(*format), request.source);

  auto conn = catalog_.store().connection();
  const std::string table = quote_ident(info.table_name);
  std::string message;
  for (bool full_sniff : {false, true}) {
    conn->execute("BEGIN TRANSACTION");
    try {
      conn->query("CREATE TABLE " + table + " AS SELECT " + plan.projection + " FROM " +
                      csv_source(plan.types, full_sniff),
                  {path});
      auto rows = conn->execute("SELECT count(*) FROM " + table).scalar();
      info.row_count = rows ? std::stoll(*rows) : 0;
      if (info.row_count == 0) throw util::HttpError(400, "CSV file has a header but no data rows");
      message = describe_message(*format, info.row_count, *conn, info.table_name);
      datasets::insert_catalog_entry(*conn, info);
      conn->execute("COMMIT");
      break;
    } catch (const store::StoreError& e) {
      conn->execute("ROLLBACK");
      const std::string error = e.what();
      // A column typed from the first rows may meet other values later: sniff the whole file
      // once before giving up.
      if (!full_sniff && error.find("Could not convert") != std::string::npos) continue;
      throw util::HttpError(400, csv_error(error, path, header.size()));
    } catch (...) {
      conn->execute("ROLLBACK");
      throw;
    }
  }
  auto stored = catalog_.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  return {*stored, message};
}

LoadResult DatasetLoader::load_select(const SelectSource& source, const std::string& name,
                                      const std::string& origin) const {
  const auto format = storage_format(source.header);
  if (!format) throw util::HttpError(400, unknown_format_message(source.header));
  const Plan plan = plan_for(*format, source.header);
  datasets::DatasetInfo info =
      datasets::new_dataset(name, kind_of(*format), format_name(*format), origin);
  auto conn = catalog_.store().connection();
  std::string message;
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->query("CREATE TABLE " + quote_ident(info.table_name) + " AS SELECT " + plan.projection +
                    " FROM (" + source.sql + ")",
                source.values);
    auto rows = conn->execute("SELECT count(*) FROM " + quote_ident(info.table_name)).scalar();
    info.row_count = rows ? std::stoll(*rows) : 0;
    if (info.row_count == 0) throw util::HttpError(400, "There are no rows to store");
    message = describe_message(*format, info.row_count, *conn, info.table_name);
    datasets::insert_catalog_entry(*conn, info);
    conn->execute("COMMIT");
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
  auto stored = catalog_.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  return {*stored, message};
}

}  // namespace axis::ingest
