#include "signals/raw_rows.h"

#include "store/connection.h"

namespace axis::signals {
namespace {

constexpr const char* kNames[kRawColumnCount] = {
    "dataset_id", "metric_name", "signals", "metric_category",
    "source_name", "source_component", "source_type", "environment", "timestamp",
    "additional_input", "conversation", "conversation_stats",
    "evaluation_metadata", "actual_reference", "additional_output",
};

std::string select_list(const RawLayout& layout) {
  std::string out;
  for (std::size_t i = 0; i < kRawColumnCount; ++i) {
    out += i == 0 ? "" : ", ";
    out += layout.present[i] ? datasets::quote_ident(kNames[i]) : "NULL";
  }
  return out;
}

RawRow to_row(const std::vector<std::optional<std::string>>& values) {
  RawRow row;
  for (std::size_t i = 0; i < kRawColumnCount && i < values.size(); ++i) row.cells[i] = values[i];
  return row;
}

}  // namespace

const char* raw_column_name(RawColumn column) { return kNames[static_cast<std::size_t>(column)]; }

RawLayout RawLayout::of(const std::vector<datasets::ColumnInfo>& columns) {
  RawLayout layout;
  for (const auto& c : columns) {
    for (std::size_t i = 0; i < kRawColumnCount; ++i) {
      if (c.name == kNames[i]) layout.present[i] = true;
    }
  }
  return layout;
}

void scan_in_file_order(store::Connection& conn, const std::string& table, const RawLayout& layout,
                        const std::function<void(const RawRow&)>& row, std::int64_t batch_rows) {
  const std::string base = "SELECT " + select_list(layout) + " FROM " + datasets::quote_ident(table);
  // Row ids are contiguous but do not start at 0 for rows written by the open transaction, so
  // the ranges start at the smallest one. They are literal integers so DuckDB can skip the row
  // groups outside them.
  auto bounds = conn.execute("SELECT min(rowid), max(rowid) FROM " + datasets::quote_ident(table)).rows();
  if (bounds.empty() || !bounds[0][0]) return;
  const std::int64_t first = std::stoll(*bounds[0][0]), last = std::stoll(*bounds[0][1]);
  for (std::int64_t from = first; from <= last; from += batch_rows) {
    conn.execute(base + " WHERE rowid >= " + std::to_string(from) + " AND rowid < " +
                 std::to_string(from + batch_rows) + " ORDER BY rowid")
        .for_each_row([&](const auto& values) { row(to_row(values)); });
  }
}

void scan_by_case(store::Connection& conn, const std::string& table, const RawLayout& layout,
                  const std::function<void(const std::vector<RawRow>&)>& one_case,
                  std::int64_t batch_rows) {
  const std::string quoted = datasets::quote_ident(table);
  // Batches of whole cases: [first id, last id] ranges holding about batch_rows rows.
  std::vector<std::pair<std::string, std::string>> ranges;
  std::int64_t in_batch = 0;
  conn.execute("SELECT dataset_id, count(*) FROM " + quoted +
               " WHERE dataset_id IS NOT NULL AND dataset_id <> '' GROUP BY dataset_id"
               " ORDER BY dataset_id")
      .for_each_row([&](const auto& values) {
        const std::string& id = *values[0];
        if (ranges.empty() || in_batch >= batch_rows) {
          ranges.emplace_back(id, id);
          in_batch = 0;
        }
        ranges.back().second = id;
        in_batch += std::stoll(values[1].value_or("0"));
      });
  const std::string sql = "SELECT " + select_list(layout) + " FROM " + quoted +
                          " WHERE dataset_id >= ? AND dataset_id <= ? ORDER BY dataset_id, rowid";
  std::vector<RawRow> rows;
  for (const auto& [first, last] : ranges) {
    conn.query(sql, {first, last}).for_each_row([&](const auto& values) {
      RawRow row = to_row(values);
      if (!rows.empty() && rows.front()[RawColumn::dataset_id] != row[RawColumn::dataset_id]) {
        one_case(rows);
        rows.clear();
      }
      rows.push_back(std::move(row));
    });
    if (!rows.empty()) one_case(rows);
    rows.clear();
  }
}

}  // namespace axis::signals
