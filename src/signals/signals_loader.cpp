#include "signals/signals_loader.h"

#include <algorithm>
#include <optional>

#include "config/env.h"
#include "ingest/csv_file.h"
#include "ingest/csv_read.h"
#include "monitoring/monitoring_columns.h"
#include "signals/case_builder.h"
#include "store/appender.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::signals {
namespace {

using datasets::quote_ident;

// A file column: its header as DuckDB names it (trimmed) and the name it is stored under.
struct FileColumn {
  std::string header, name;
};

std::vector<FileColumn> file_columns(const std::vector<std::string>& header) {
  std::vector<FileColumn> out;
  for (const auto& h : header) {
    FileColumn c{config::detail::trim(h), monitoring::normalise_header(h)};
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& o) { return o.name == c.name; });
    if (same != out.end()) {
      throw util::HttpError(400, "Columns '" + same->header + "' and '" + c.header + "' are both '" +
                                     c.name + "' once header names are normalised");
    }
    out.push_back(std::move(c));
  }
  return out;
}

// The SELECT list turning the file's columns into the raw table: the roles under their own
// names (metric_category defaulting to "classification"), then every other column under its
// normalised name.
struct RawPlan {
  std::string projection;
  std::size_t header_columns = 0;
};

RawPlan plan_raw_table(const std::vector<std::string>& header) {
  const std::vector<FileColumn> columns = file_columns(header);
  auto find = [&](const std::string& name) -> const FileColumn* {
    for (const auto& c : columns) {
      if (c.name == name) return &c;
    }
    return nullptr;
  };
  if (!find("metric_name") || !find("dataset_id") || !find("signals")) {
    std::vector<std::string> found;
    for (const auto& c : columns) found.push_back(c.header);
    throw util::HttpError(400, "Data does not appear to be in signals format. Required columns: "
                               "metric_name, dataset_id, signals. Columns found: " + util::name_list(found));
  }
  const FileColumn* source_name = find("source_name");
  if (!source_name) source_name = find("source");
  if (!source_name) {
    throw util::HttpError(400, "Data is missing required source fields (source_name). Please "
                               "ensure source_name is present.");
  }
  RawPlan plan;
  plan.header_columns = header.size();
  std::vector<const FileColumn*> used;
  auto add = [&](const std::string& expr, const std::string& name) {
    plan.projection += (plan.projection.empty() ? "" : ", ") + expr + " AS " + quote_ident(name);
  };
  for (std::size_t i = 0; i < kRawColumnCount; ++i) {
    const auto role = static_cast<RawColumn>(i);
    const std::string name = raw_column_name(role);
    const FileColumn* from = role == RawColumn::source_name ? source_name : find(name);
    if (from) used.push_back(from);
    if (role == RawColumn::metric_category) {
      add(from ? "coalesce(NULLIF(trim(" + quote_ident(from->header) + "), ''), 'classification')"
               : "'classification'",
          name);
    } else if (from) {
      add(quote_ident(from->header), name);
    }
  }
  for (const auto& c : columns) {
    if (std::find(used.begin(), used.end(), &c) == used.end()) add(quote_ident(c.header), c.name);
  }
  return plan;
}

void create_raw_table(store::Connection& conn, const std::string& table, const RawPlan& plan,
                      const std::string& path) {
  try {
    conn.query("CREATE TABLE " + quote_ident(table) + " AS SELECT " + plan.projection + " FROM " +
                   ingest::csv_source("", false, true),
               {path});
  } catch (const store::StoreError& e) {
    throw util::HttpError(400, ingest::csv_error(e.what(), path, plan.header_columns));
  }
}

// Writes the cases table of `raw_table` and returns its row count.
std::int64_t write_cases(store::Connection& conn, const std::string& raw_table,
                         const RawLayout& layout, const MetricSchema& schema) {
  const CaseBuilder builder(layout, schema);
  const std::string table = cases_table_of(raw_table);
  conn.execute(builder.create_sql(table));
  std::int64_t cases = 0;
  store::Appender appender(conn, table);
  scan_by_case(conn, raw_table, layout, [&](const std::vector<RawRow>& rows) {
    appender.append_row(builder.build(rows));
    ++cases;
  });
  appender.flush();
  return cases;
}

}  // namespace

std::string cases_table_of(const std::string& raw_table) {
  const std::string raw = "_raw";
  if (raw_table.size() > raw.size() && raw_table.compare(raw_table.size() - raw.size(), raw.size(), raw) == 0) {
    return raw_table.substr(0, raw_table.size() - raw.size()) + "_cases";
  }
  return raw_table + "_cases";
}

bool rebuild_cases(store::Connection& conn, const std::string& raw_table,
                   const std::vector<std::string>& visible_metrics) {
  const RawLayout layout = RawLayout::of(datasets::table_columns(conn, raw_table));
  conn.execute("DROP TABLE IF EXISTS " + quote_ident(cases_table_of(raw_table)));
  conn.query("DELETE FROM _store_metadata WHERE table_name = ?",
             {"human_signals_metric_schema:" + raw_table});
  for (RawColumn required : {RawColumn::dataset_id, RawColumn::metric_name, RawColumn::signals,
                             RawColumn::source_name}) {
    if (!layout.has(required)) return false;
  }
  write_cases(conn, raw_table, layout, read_metric_schema(conn, raw_table, layout, visible_metrics));
  return true;
}

SignalsLoad load_signals_csv(const datasets::DatasetCatalog& catalog, const ingest::CsvFile& file,
                             const std::string& name, const std::string& source,
                             const std::vector<std::string>& visible_metrics) {
  const RawPlan plan = plan_raw_table(file.header());
  datasets::DatasetInfo info = datasets::new_dataset(name, "human_signals", "hitl_feedback", source);

  std::optional<MetricSchema> schema;
  auto conn = catalog.store().connection();
  conn->execute("BEGIN TRANSACTION");
  try {
    create_raw_table(*conn, info.table_name, plan, file.path());
    auto rows = conn->execute("SELECT count(*) FROM " + quote_ident(info.table_name)).scalar();
    info.row_count = rows ? std::stoll(*rows) : 0;
    if (info.row_count == 0) throw util::HttpError(400, "CSV file has a header but no data rows");
    const RawLayout layout = RawLayout::of(datasets::table_columns(*conn, info.table_name));
    schema = read_metric_schema(*conn, info.table_name, layout, visible_metrics);
    write_cases(*conn, info.table_name, layout, *schema);
    datasets::insert_catalog_entry(*conn, info);
    conn->execute("COMMIT");
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
  auto stored = catalog.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  return {*stored, std::move(*schema)};
}

}  // namespace axis::signals
