#include "kpi/kpi_loader.h"

#include <algorithm>
#include <filesystem>

#include "ingest/csv_file.h"
#include "ingest/csv_read.h"
#include "monitoring/monitoring_columns.h"
#include "monitoring/timestamps.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/http_error.h"

namespace axis::kpi {
namespace {

using datasets::quote_ident;
using datasets::quote_literal;

// The kpi_data layout, in table order.
const std::vector<std::string>& kpi_columns() {
  static const std::vector<std::string> cols = {
      "id", "created_at", "source_name", "source_type", "kpi_name", "kpi_category", "dataset_id",
      "numeric_value", "source_component", "source_step", "environment", "segment", "tags",
      "metadata"};
  return cols;
}

const std::vector<std::string>& required_columns() {
  static const std::vector<std::string> cols = {"kpi_name", "numeric_value", "created_at"};
  return cols;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// One file column: DuckDB's name for it (the header trimmed), its normalised name and the
// stage column (c<i>) it is copied to.
struct FileColumn {
  std::string header, name, stage;
};

std::vector<FileColumn> file_columns(const std::vector<std::string>& header) {
  std::vector<FileColumn> out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    FileColumn c{trimmed(header[i]), monitoring::normalise_header(header[i]),
                 "c" + std::to_string(i)};
    for (const FileColumn& seen : out) {
      if (seen.name == c.name) {
        throw util::HttpError(400, "Columns '" + seen.header + "' and '" + c.header +
                                       "' are the same column once header names are normalised"
                                       " (lower case, spaces and hyphens as underscores): '" +
                                       c.name + "'");
      }
    }
    out.push_back(std::move(c));
  }
  std::vector<std::string> missing, found;
  for (const auto& c : out) found.push_back(c.name);
  for (const auto& r : required_columns()) {
    if (std::find(found.begin(), found.end(), r) == found.end()) missing.push_back(r);
  }
  if (!missing.empty()) {
    throw util::HttpError(400, "Data does not appear to be in KPI format. Missing required column" +
                                   std::string(missing.size() > 1 ? "s" : "") + ": " +
                                   store::join_names(missing) + ". Found: " +
                                   store::join_names(found) + ". Required: " +
                                   store::join_names(required_columns()));
  }
  return out;
}

const FileColumn* find_column(const std::vector<FileColumn>& cols, const std::string& name) {
  for (const auto& c : cols) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string shown(const std::string& value) {
  return "'" + (value.size() > 80 ? value.substr(0, 80) + "…" : value) + "'";
}

// "1 row", "2 rows"
std::string count_of(std::int64_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string rows_word(std::int64_t n) { return count_of(n, "row"); }

// Throws 400 when any staged row meets `bad`: "<what> in N rows; the first is row R (<value>)".
void refuse_rows(store::Connection& conn, const std::string& stage, const std::string& column,
                 const std::string& bad, const std::string& what) {
  // Row ids of a table made in an open transaction do not start at 0: count from the first.
  const std::string where = " FILTER (WHERE " + bad + ")";
  auto row = conn.execute("SELECT count(*)" + where + ", min(rowid)" + where +
                          " - min(rowid) + 1, arg_min(" + column + ", rowid)" + where + " FROM " +
                          stage)
                 .rows();
  const std::int64_t n = store::cell_int(row.at(0)[0]);
  if (n == 0) return;
  const std::string value = row[0][2] ? " (" + shown(*row[0][2]) + ")" : "";
  throw util::HttpError(400, what + " in " + rows_word(n) + "; the first is data row " +
                                 row[0][1].value_or("?") + value);
}

// The stored columns: the kpi_data layout converted from the stage, then the file's others.
std::string projection(const std::vector<FileColumn>& cols) {
  std::string sql;
  for (const std::string& name : kpi_columns()) {
    const FileColumn* c = find_column(cols, name);
    std::string expr;
    if (!c) {
      expr = name == "created_at"      ? "CAST(NULL AS TIMESTAMP)"
             : name == "numeric_value" ? "CAST(NULL AS DOUBLE)"
                                       : "CAST(NULL AS VARCHAR)";
    } else if (name == "created_at") {
      expr = monitoring::utc_timestamp_sql(c->stage);
    } else if (name == "numeric_value") {
      // Checked to be a number when not blank; NaN and infinities become NULL.
      const std::string v = "TRY_CAST(nullif(trim(" + c->stage + "), '') AS DOUBLE)";
      expr = "CASE WHEN isfinite(" + v + ") THEN " + v + " END";
    } else {
      expr = "nullif(trim(" + c->stage + "), '')";
    }
    sql += (sql.empty() ? "" : ", ") + expr + " AS " + quote_ident(name);
  }
  for (const auto& c : cols) {
    const auto& layout = kpi_columns();
    if (std::find(layout.begin(), layout.end(), c.name) != layout.end()) continue;
    sql += ", " + c.stage + " AS " + quote_ident(c.name);
  }
  return sql;
}

std::string summary_message(store::Connection& conn, const std::string& table,
                            std::int64_t rows, std::int64_t dropped) {
  auto r = conn.execute("SELECT count(DISTINCT kpi_name), count(DISTINCT source_name), "
                        "strftime(min(created_at), '%Y-%m-%d'), strftime(max(created_at), "
                        "'%Y-%m-%d'), count(*) FILTER (WHERE numeric_value IS NULL) FROM " +
                        table)
               .rows();
  const auto& row = r.at(0);
  std::string msg = "Loaded " + count_of(rows, "KPI record") + " (" +
                    count_of(store::cell_int(row[0]), "KPI") + ", " +
                    count_of(store::cell_int(row[1]), "source") + ", " +
                    row[2].value_or("?") + " to " + row[3].value_or("?") + ")";
  if (const std::int64_t blank = store::cell_int(row[4]); blank > 0) {
    msg += "; " + rows_word(blank) + " without a numeric_value (ignored by the KPI views)";
  }
  if (dropped > 0) {
    msg += "; " + rows_word(dropped) + " repeating an earlier id dropped (the first kept)";
  }
  return msg;
}

}  // namespace

KpiLoadResult load_kpi_csv(const datasets::DatasetCatalog& catalog, const KpiLoadRequest& request) {
  const std::vector<std::string>& header = request.file.header();
  const std::string& path = request.file.path();
  const std::vector<FileColumn> cols = file_columns(header);

  datasets::DatasetInfo info = datasets::new_dataset(request.name, "kpi", "kpi", request.source);

  // Every cell is read as text, then converted in SQL where the bad ones can be named.
  std::string types, select;
  for (const auto& c : cols) {
    types += (types.empty() ? "" : ", ") + quote_literal(c.header) + ": 'VARCHAR'";
    select += (select.empty() ? "" : ", ") + quote_ident(c.header) + " AS " + c.stage;
  }
  const std::string stage = quote_ident("kpi_stage_" + info.id);
  const std::string table = quote_ident(info.table_name);
  const auto col = [&](const char* name) { return find_column(cols, name)->stage; };

  auto conn = catalog.store().connection();
  std::string message;
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->query("CREATE TEMP TABLE " + stage + " AS SELECT " + select + " FROM " +
                    ingest::csv_source(types, false),
                {path});
    const std::int64_t staged =
        store::cell_int(conn->execute("SELECT count(*) FROM " + stage).scalar());
    if (staged == 0) throw util::HttpError(400, "CSV file has a header but no data rows");
    const std::string kpi = col("kpi_name"), value = col("numeric_value"), at = col("created_at");
    refuse_rows(*conn, stage, kpi, "nullif(trim(" + kpi + "), '') IS NULL", "kpi_name is empty");
    refuse_rows(*conn, stage, value,
                "nullif(trim(" + value + "), '') IS NOT NULL AND TRY_CAST(trim(" + value +
                    ") AS DOUBLE) IS NULL",
                "numeric_value is not a number");
    refuse_rows(*conn, stage, at, "nullif(trim(" + at + "), '') IS NULL", "created_at is empty");
    refuse_rows(*conn, stage, at, monitoring::unreadable_timestamp_sql(at),
                "created_at is not a timestamp (expected ISO 8601 such as 2024-05-01, "
                "2024-05-01T13:45:00 or 2024-05-01T13:45:00+02:00)");

    // Rows repeating an earlier id are dropped; rows without an id are all kept.
    const std::string id = find_column(cols, "id")
                               ? "nullif(trim(" + find_column(cols, "id")->stage + "), '')"
                               : "NULL";
    conn->execute("CREATE TABLE " + table + " AS SELECT " + projection(cols) + " FROM " + stage +
                  " QUALIFY " + id + " IS NULL OR row_number() OVER (PARTITION BY " + id +
                  " ORDER BY rowid) = 1 ORDER BY rowid");
    conn->execute("DROP TABLE " + stage);
    info.row_count = store::cell_int(conn->execute("SELECT count(*) FROM " + table).scalar());
    message = summary_message(*conn, table, info.row_count, staged - info.row_count);
    datasets::insert_catalog_entry(*conn, info);
    conn->execute("COMMIT");
  } catch (const store::StoreError& e) {
    conn->execute("ROLLBACK");
    throw util::HttpError(400, ingest::csv_error(e.what(), path, header.size()));
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
  auto stored = catalog.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  return {*stored, message};
}

KpiLoadResult load_kpi_example(ingest::ExampleStore& examples, const std::string& directory,
                               const std::string& name) {
  const std::string path = directory + "/kpi_example.csv";
  if (name != "kpi" || !std::filesystem::is_regular_file(path)) {
    throw util::HttpError(404, "Dataset not found. Available: ['kpi']");
  }
  const std::string source = "example:" + name;
  return examples.stored<KpiLoadResult>(
      source,
      [](const datasets::DatasetInfo& existing) {
        return KpiLoadResult{existing, "Example 'kpi' with " + count_of(existing.row_count, "row")};
      },
      [&] {
        return load_kpi_csv(examples.catalog(),
                            {ingest::inspect_csv(path, ingest::CsvLimits{}), "KPI example", source});
      });
}

}  // namespace axis::kpi
