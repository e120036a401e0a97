#include "monitoring/monitoring_loader.h"

#include <algorithm>

#include "ingest/csv_file.h"
#include "ingest/csv_read.h"
#include "monitoring/monitoring_columns.h"
#include "monitoring/timestamps.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::monitoring {
namespace {

using datasets::quote_ident;

// Raised inside the CREATE TABLE AS by the first timestamp no accepted form fits.
constexpr const char* kUnreadableTimestamp = "AXIS_UNREADABLE_TIMESTAMP";

// Text -> finite DOUBLE. Blank is NULL; anything else that is not a finite number becomes NaN
// for now, so the load can count the values it could not read before turning them into NULL.
std::string numeric_sql(const std::string& ref) {
  const std::string value = "TRY_CAST(trim(" + ref + ") AS DOUBLE)";
  return "(CASE WHEN nullif(trim(" + ref + "), '') IS NULL THEN NULL WHEN isfinite(" + value +
         ") THEN " + value + " ELSE CAST('NaN' AS DOUBLE) END)";
}

// true/false, yes/no, 1/0 in any case; anything else is NULL.
std::string boolean_sql(const std::string& ref) {
  return "(CASE lower(trim(" + ref + ")) WHEN 'true' THEN true WHEN 'yes' THEN true"
         " WHEN '1' THEN true WHEN 'false' THEN false WHEN 'no' THEN false WHEN '0' THEN false END)";
}

// Text -> UTC TIMESTAMP; a blank cell is NULL and an unreadable one stops the statement.
std::string timestamp_sql(const std::string& ref) {
  return "coalesce(" + utc_timestamp_sql(ref) + ", CASE WHEN nullif(trim(" + ref +
         "), '') IS NULL THEN NULL ELSE CAST(error('" + kUnreadableTimestamp + " ' || " + ref +
         ") AS TIMESTAMP) END)";
}

struct Plan {
  std::string types;                  // read_csv types: every column of the file as VARCHAR
  std::string projection;             // the SELECT list of the stored table
  std::vector<std::string> numeric;   // stored DOUBLE columns filled from the file
  std::string timestamp_header;       // the file's timestamp column as written, if any
};

Plan plan_for(const std::vector<ColumnName>& columns) {
  Plan plan;
  auto add = [&plan](const std::string& expr, const std::string& name) {
    plan.projection += (plan.projection.empty() ? "" : ", ") + expr + " AS " + quote_ident(name);
  };
  auto converted = [&plan](const ColumnName& c, const std::string& type) {
    const std::string ref = quote_ident(c.header);
    if (c.name == "timestamp") {
      plan.timestamp_header = c.header;
      return timestamp_sql(ref);
    }
    if (type == "DOUBLE") {
      plan.numeric.push_back(c.name);
      return numeric_sql(ref);
    }
    return type == "BOOLEAN" ? boolean_sql(ref) : ref;
  };
  for (const ColumnName& c : columns) {
    plan.types += (plan.types.empty() ? "" : ", ") + datasets::quote_literal(c.header) + ": 'VARCHAR'";
  }
  std::vector<std::string> standard;
  for (const auto& [name, type] : standard_columns()) {
    standard.push_back(name);
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&name](const ColumnName& c) { return c.name == name; });
    if (it != columns.end()) add(converted(*it, type), name);
    else if (name == "timestamp") add(now_utc_sql(), name);
    else add("CAST(NULL AS " + type + ")", name);
  }
  for (const ColumnName& c : columns) {
    if (std::find(standard.begin(), standard.end(), c.name) != standard.end()) continue;
    add(converted(c, is_score_column(c.name) ? "DOUBLE" : "VARCHAR"), c.name);
  }
  return plan;
}

std::string missing_id_message(const std::vector<std::string>& header) {
  return "Data does not appear to be monitoring format. Required column: dataset_id "
         "(or id, record_id). Columns found: " + util::name_list(header);
}

// The first unreadable timestamp of the file, by a second read of the timestamp column.
std::string unreadable_timestamp_message(store::Connection& conn, const std::string& path,
                                         const Plan& plan) {
  const std::string ref = quote_ident(plan.timestamp_header);
  std::int64_t row = 0, bad_row = 0;
  std::string value;
  try {
    conn.query("SELECT CASE WHEN " + unreadable_timestamp_sql(ref) + " THEN " + ref +
                   " END FROM " + ingest::csv_source(plan.types, false),
               {path})
        .for_each_row([&](const auto& cells) {
          ++row;
          if (bad_row == 0 && cells[0]) {
            bad_row = row;
            value = *cells[0];
          }
        });
  } catch (const store::StoreError&) {
    bad_row = 0;
  }
  if (value.size() > 80) value = value.substr(0, 80) + "…";
  const std::string where = bad_row > 0 ? "'" + value + "' in data row " + std::to_string(bad_row)
                                        : "value";
  return "Unreadable timestamp " + where + " (column '" + plan.timestamp_header +
         "'): use ISO 8601 (2024-05-01T13:45:00Z, 2024-05-01 13:45:00+02:00; no zone means "
         "UTC), a date (2024-05-01) or epoch seconds or milliseconds";
}

// Turns the NaN placeholders of unreadable numbers into NULL; returns (column, count) for each
// column that had any.
std::vector<std::pair<std::string, std::int64_t>> null_unreadable_numbers(
    store::Connection& conn, const std::string& table, const std::vector<std::string>& columns) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  if (columns.empty()) return out;
  std::string counts;
  for (const auto& c : columns) {
    counts += (counts.empty() ? "" : ", ") + std::string("count(*) FILTER (WHERE isnan(") +
              quote_ident(c) + "))";
  }
  const auto rows = conn.execute("SELECT " + counts + " FROM " + quote_ident(table)).rows();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::int64_t n = rows.empty() || !rows[0][i] ? 0 : std::stoll(*rows[0][i]);
    if (n == 0) continue;
    const std::string col = quote_ident(columns[i]);
    conn.execute("UPDATE " + quote_ident(table) + " SET " + col + " = NULL WHERE isnan(" + col + ")");
    out.emplace_back(columns[i], n);
  }
  return out;
}

// "3 non-numeric values stored as null in columns latency (1), helpfulness_score (2)"
std::string coercion_warning(const std::vector<std::pair<std::string, std::int64_t>>& coerced) {
  std::int64_t total = 0;
  std::string where;
  for (const auto& [column, n] : coerced) {
    total += n;
    where += (where.empty() ? "" : ", ") + column + (coerced.size() > 1 ? " (" + std::to_string(n) + ")" : "");
  }
  return std::to_string(total) + (total == 1 ? " non-numeric value" : " non-numeric values") +
         " stored as null in column" + (coerced.size() == 1 ? " " : "s ") + where;
}

}  // namespace

std::string processed_message(std::int64_t rows) {
  return "Processed " + std::to_string(rows) + " monitoring records";
}

LoadResult MonitoringLoader::load(const LoadRequest& request) const {
  const std::vector<std::string>& header = request.file.header();
  const std::string& path = request.file.path();
  const std::vector<ColumnName> columns = name_columns(header, request.yaml_columns);
  if (std::none_of(columns.begin(), columns.end(),
                   [](const ColumnName& c) { return c.name == "dataset_id"; })) {
    throw util::HttpError(400, missing_id_message(header));
  }
  const Plan plan = plan_for(columns);

  datasets::DatasetInfo info =
      datasets::new_dataset(request.name, "monitoring", "monitoring", request.source);

  auto conn = catalog_.store().connection();
  const std::string table = quote_ident(info.table_name);
  std::vector<std::pair<std::string, std::int64_t>> coerced;
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->query("CREATE TABLE " + table + " AS SELECT " + plan.projection + " FROM " +
                    ingest::csv_source(plan.types, false),
                {path});
    const auto rows = conn->execute("SELECT count(*) FROM " + table).scalar();
    info.row_count = rows ? std::stoll(*rows) : 0;
    if (info.row_count == 0) throw util::HttpError(400, "Empty dataset");
    coerced = null_unreadable_numbers(*conn, info.table_name, plan.numeric);
    datasets::insert_catalog_entry(*conn, info);
    conn->execute("COMMIT");
  } catch (const store::StoreError& e) {
    conn->execute("ROLLBACK");
    const std::string error = e.what();
    if (!plan.timestamp_header.empty() && error.find(kUnreadableTimestamp) != std::string::npos) {
      throw util::HttpError(400, unreadable_timestamp_message(*conn, path, plan));
    }
    throw util::HttpError(400, ingest::csv_error(error, path, header.size()));
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }

  auto stored = catalog_.find(info.id);
  if (!stored) throw std::runtime_error("dataset vanished after load");
  LoadResult result{*stored, metric_columns(*stored), processed_message(info.row_count), {}};
  if (!coerced.empty()) {
    result.warnings.push_back(coercion_warning(coerced));
    result.message += "; " + result.warnings.back();
  }
  return result;
}

}  // namespace axis::monitoring
