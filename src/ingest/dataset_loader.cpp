#include "ingest/dataset_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "http/http_error.h"
#include "ingest/csv_header.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/random_id.h"

namespace axis::ingest {
namespace {

using datasets::quote_ident;

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// read_csv(?) with strict RFC 4180 settings. `types` pins the columns AXIS relies on; its keys
// are AXIS's own column names (constants), never arbitrary header text.
std::string csv_source(const std::string& types, bool full_sniff) {
  std::string s = "read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', "
                  "strict_mode = true, null_padding = false, max_line_size = 16777216";
  if (!types.empty()) s += ", types = {" + types + "}";
  if (full_sniff) s += ", sample_size = -1";
  return s + ")";
}

// DuckDB's CSV errors are long and name the spool file; say what is wrong in the user's terms.
std::string csv_error(std::string error, const std::string& path, std::size_t header_columns) {
  if (error.find("COLUMN_TYPES error") != std::string::npos ||
      error.find("Expected Number of Columns") != std::string::npos) {
    return "CSV parsing error: some rows do not have the " + std::to_string(header_columns) +
           " fields of the header row";
  }
  if (error.find("Error when sniffing file") != std::string::npos) {
    return "CSV parsing error: the file could not be read as comma-separated values "
           "(is a quote left unterminated?)";
  }
  for (std::size_t at; !path.empty() && (at = error.find(path)) != std::string::npos;) {
    error.replace(at, path.size(), "the uploaded file");
  }
  std::string out;
  std::size_t pos = 0;
  for (int line = 0; line < 3 && pos < error.size(); ++line) {
    std::size_t eol = error.find('\n', pos);
    std::string part = error.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    if (!part.empty()) out += (out.empty() ? "" : " ") + part;
    pos = eol == std::string::npos ? error.size() : eol + 1;
  }
  return "CSV parsing error: " + (out.size() > 600 ? out.substr(0, 600) + "…" : out);
}

struct Plan {
  DataFormat format;
  std::string types;       // the types = {...} body
  std::string projection;  // SELECT list
};

Plan plan_for(DataFormat format, const std::vector<std::string>& header) {
  Plan plan{format, {}, {}};
  std::vector<std::string> used;
  for (const ColumnDefault& col : normalised_columns(format)) {
    std::string source;
    if (contains(header, col.name)) source = col.name;
    else if (auto from = renamed_from(col.name, header)) source = *from;
    std::string expr;
    if (source.empty()) {
      expr = "CAST(" + col.value + " AS " + col.sql_type + ")";
    } else {
      used.push_back(source);
      plan.types += (plan.types.empty() ? "'" : ", '") + source + "': '" + col.sql_type + "'";
      const std::string ref = quote_ident(source);
      if (col.name == "parent") expr = "NULLIF(trim(" + ref + "), '')";
      else if (col.value != "NULL" && col.sql_type == "VARCHAR") expr = "coalesce(" + ref + ", " + col.value + ")";
      else expr = ref;
    }
    plan.projection += (plan.projection.empty() ? "" : ", ") + expr + " AS " + quote_ident(col.name);
  }
  for (const std::string& name : header) {
    if (contains(used, name)) continue;
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

std::string columns_json(store::Connection& conn, const std::string& table) {
  nlohmann::json cols = nlohmann::json::array();
  conn.query("SELECT column_name, data_type FROM information_schema.columns "
             "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", {table})
      .for_each_row([&](const auto& row) {
        cols.push_back({{"name", row[0].value_or("")}, {"type", row[1].value_or("")}});
      });
  return cols.dump();
}

}  // namespace

DatasetLoader::Detection DatasetLoader::detect(const std::string& path) const {
  const std::vector<std::string> header = read_csv_header(path);
  auto conn = catalog_.store().connection();
  try {
    auto count = conn->query("SELECT count(*) FROM " + csv_source("", false), {path}).scalar();
    return {detect_format(header), header, count ? std::stoll(*count) : 0};
  } catch (const store::StoreError& e) {
    throw http::HttpError(400, csv_error(e.what(), path, header.size()));
  }
}

LoadResult DatasetLoader::load(const LoadRequest& request) const {
  const std::vector<std::string> header = read_csv_header(request.path);
  const auto format = storage_format(header);
  if (!format) throw http::HttpError(400, unknown_format_message(header));
  const Plan plan = plan_for(*format, header);

  datasets::DatasetInfo info;
  info.id = util::random_hex_id();
  info.table_name = "ds_" + info.id;
  info.name = request.name;
  info.kind = request.kind.empty() ? kind_of(*format) : request.kind;
  info.format = format_name(*format);
  info.source = request.source;

  auto conn = catalog_.store().connection();
  const std::string table = quote_ident(info.table_name);
  std::string message;
  for (bool full_sniff : {false, true}) {
    conn->execute("BEGIN TRANSACTION");
    try {
      conn->query("CREATE TABLE " + table + " AS SELECT " + plan.projection + " FROM " +
                      csv_source(plan.types, full_sniff),
                  {request.path});
      auto rows = conn->execute("SELECT count(*) FROM " + table).scalar();
      info.row_count = rows ? std::stoll(*rows) : 0;
      if (info.row_count == 0) throw http::HttpError(400, "CSV file has a header but no data rows");
      message = describe_message(*format, info.row_count, *conn, info.table_name);
      conn->query("INSERT INTO _datasets (id, name, kind, format, table_name, row_count, "
                  "columns_json, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {info.id, info.name, info.kind, info.format, info.table_name, info.row_count,
                   columns_json(*conn, info.table_name), info.source});
      conn->execute("COMMIT");
      break;
    } catch (const store::StoreError& e) {
      conn->execute("ROLLBACK");
      const std::string error = e.what();
      // A column typed from the first rows may meet other values later: sniff the whole file
      // once before giving up.
      if (!full_sniff && error.find("Could not convert") != std::string::npos) continue;
      throw http::HttpError(400, csv_error(error, request.path, header.size()));
    } catch (...) {
      conn->execute("ROLLBACK");
      throw;
    }
  }
  auto stored = catalog_.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  return {*stored, message};
}

}  // namespace axis::ingest
