#include "browse/browse_data.h"

#include <algorithm>
#include <optional>

#include "browse/browse_cache.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/sql_text.h"
#include "util/http_error.h"

namespace axis::browse {
namespace {

std::vector<std::string> column_names(const BrowseTable& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.name);
  return out;
}

const datasets::ColumnInfo& known_column(const BrowseTable& t, const std::string& name,
                                         const char* param) {
  if (const auto* c = t.column(name)) return *c;
  throw util::HttpError(400, "Unknown " + std::string(param) + " column '" + name +
                                 "'. Available: " + store::join_names(column_names(t)));
}

// A returned column: timestamps as ISO 8601 UTC text (fractional seconds only when present).
std::string select_item(const datasets::ColumnInfo& c) {
  const std::string q = datasets::quote_ident(c.name);
  if (c.type != "TIMESTAMP") return q;
  return "CASE WHEN epoch_us(" + q + ") % 1000000 = 0 THEN strftime(" + q +
         ", '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(" + q + ", '%Y-%m-%dT%H:%M:%S.%fZ') END AS " + q;
}

store::SqlWhere where_of(store::Connection& conn, const BrowseTable& t,
                             const BrowseQuery& q) {
  store::SqlWhere where;
  const auto* time = t.time_column();
  monitoring::add_row_filters(where, q.filters, monitoring::resolve_time_range(conn, q.filters),
                              t.columns, time ? monitoring::timestamp_sql(*time) : "");
  if (q.filters.metric_name && t.column("metric_name")) {
    where.add("CAST(\"metric_name\" AS VARCHAR) = ?", {*q.filters.metric_name});
  }
  if (q.search && !q.search->empty()) {
    // A case-insensitive substring test: what ILIKE '%text%' with its wildcards escaped matches,
    // at a fraction of ILIKE's cost.
    std::string any;
    std::vector<store::Value> values;
    for (const char* name : {"query", "trace_id", "actual_output"}) {
      if (!t.column(name)) continue;
      any += std::string(any.empty() ? "" : " OR ") + "contains(lower(CAST(_t." +
             datasets::quote_ident(name) + " AS VARCHAR)), lower(?))";
      values.push_back(*q.search);
    }
    where.add(any.empty() ? "false" : any, std::move(values));
  }
  return where;
}

// The ORDER BY of a page, and the time column when the page is sorted by a TIMESTAMP time
// column (then newest or oldest slices of the table can answer it, see page_rows).
struct Order {
  std::string key;        // the sort column as "_t.col", or "" for table order
  std::string direction;  // " ASC" or " DESC"
  const datasets::ColumnInfo* time = nullptr;
  bool ascending = false;

  // Ties (and table order) by rowid; rows without a value last.
  std::string sql() const { return key.empty() ? "rowid" : key + direction + " NULLS LAST, rowid"; }
};

Order order_of(const BrowseTable& t, const BrowseQuery& q) {
  const bool asc = q.sort_dir == "asc";
  const auto* column = q.sort_by ? &known_column(t, *q.sort_by, "sort_by") : t.time_column();
  if (!column) return {};
  // Qualified (_t.col): the stored column, not the ISO text of the same name in the select list.
  Order order{"_t." + datasets::quote_ident(column->name), asc ? " ASC" : " DESC"};
  if (column == t.time_column() && column->type == "TIMESTAMP") {
    order.time = column;
    order.ascending = asc;
  }
  return order;
}

std::string count_key(const BrowseTable& t, const store::SqlWhere& where, std::string& sql) {
  sql = "SELECT count(*) FROM " + datasets::quote_ident(t.table_name) + " AS _t" + where.sql();
  return cache_key("count", t.table_name, sql, where.values());
}

std::int64_t count_rows(BrowseCache& cache, store::Connection& conn, const BrowseTable& t,
                        const store::SqlWhere& where) {
  std::string sql;
  const std::string key = count_key(t, where, sql);
  if (auto cached = cache.counts.get(key)) return *cached;
  const std::int64_t n = store::cell_int(conn.query(sql, where.values()).scalar());
  cache.counts.put(key, n);
  return n;
}

// The oldest and newest time (epoch microseconds) of a TIMESTAMP column, if it has any.
std::optional<std::pair<std::int64_t, std::int64_t>> time_bounds(
    BrowseCache& cache, store::Connection& conn, const BrowseTable& t, const datasets::ColumnInfo& column) {
  const std::string q = datasets::quote_ident(column.name);
  const std::string sql = "SELECT epoch_us(min(" + q + ")), epoch_us(max(" + q + ")) FROM " +
                          datasets::quote_ident(t.table_name);
  const std::string min_key = cache_key("min", t.table_name, sql, {});
  const std::string max_key = cache_key("max", t.table_name, sql, {});
  auto lo = cache.counts.get(min_key), hi = cache.counts.get(max_key);
  if (!lo || !hi) {
    auto rows = conn.execute(sql).rows();
    if (!rows.at(0)[0] || !rows.at(0)[1]) return std::nullopt;
    lo = store::cell_int(rows[0][0]);
    hi = store::cell_int(rows[0][1]);
    cache.counts.put(min_key, *lo);
    cache.counts.put(max_key, *hi);
  }
  return std::make_pair(*lo, *hi);
}

// Shares of the time span tried, newest (or oldest) first, before the whole table.
constexpr double kSlices[] = {1.0 / 1024, 1.0 / 256, 1.0 / 64, 1.0 / 16, 1.0 / 4};

// Writes the page's rows to `out`. A page sorted by time is first looked for in the newest
// (ascending: oldest) slice of the time span that should hold enough matching rows: rows
// outside the slice all sort after the rows in it, so when the slice yields the whole page,
// that is the page. Otherwise the next, larger slice is tried, and finally the whole table.
void page_rows(BrowseCache& cache, store::Connection& conn, const BrowseTable& t, const std::string& select,
               const Order& order, const store::SqlWhere& where, std::int64_t total,
               std::int64_t offset, std::int64_t page_size, std::string& out) {
  const std::int64_t expected = std::min(page_size, total - offset);
  auto run = [&](const store::SqlWhere& w) {
    std::string rows;
    const std::int64_t n = store::write_rows_json(
        conn,
        "SELECT " + select + " FROM " + datasets::quote_ident(t.table_name) + " AS _t" + w.sql() +
            " ORDER BY " + order.sql() + " LIMIT " + std::to_string(page_size) + " OFFSET " +
            std::to_string(offset),
        w.values(), [&](std::string_view piece) { rows += piece; });
    return std::make_pair(n, std::move(rows));
  };
  if (order.time) {
    if (auto bounds = time_bounds(cache, conn, t, *order.time)) {
      const auto [lo, hi] = *bounds;
      const double span = static_cast<double>(hi - lo);
      const std::string column = "_t." + datasets::quote_ident(order.time->name);
      for (double share : kSlices) {
        if (static_cast<double>(total) * share < 2.0 * static_cast<double>(offset + page_size)) {
          continue;
        }
        const auto width = static_cast<std::int64_t>(span * share);
        store::SqlWhere sliced = where;
        if (order.ascending) sliced.add(column + " <= make_timestamp(?)", {lo + width});
        else sliced.add(column + " >= make_timestamp(?)", {hi - width});
        auto [n, rows] = run(sliced);
        if (n == expected) {
          out += rows;
          return;
        }
      }
    }
  }
  out += run(where).second;
}

// Searches that match at most this many rows keep all their rows in cache.rows, so paging
// through them (or asking again) does not scan the table again.
constexpr std::int64_t kSmallMatches = 1000;

// All rows of a search in page order when there are at most kSmallMatches of them: from the
// cache, or by one query (then cached). nullopt when there are more, or their count is known
// to be larger. The query finds the first kSmallMatches + 1 matches in table order reading only
// the columns the conditions use (it stops early when there are many), then reads the whole
// rows of just those and sorts them.
std::optional<RowList> small_matches(BrowseCache& cache, store::Connection& conn,
                                     const BrowseTable& t,
                                     const std::string& select, const Order& order,
                                     const store::SqlWhere& where) {
  const std::string table = datasets::quote_ident(t.table_name);
  const std::string sql =
      "SELECT * EXCLUDE (_axis_k, _axis_rid) FROM (SELECT " + select + ", " +
      (order.key.empty() ? "NULL" : order.key) + " AS _axis_k, _t.rowid AS _axis_rid FROM " +
      table + " AS _t WHERE _t.rowid IN (SELECT _t.rowid FROM " + table + " AS _t" +
      where.sql() + " LIMIT " + std::to_string(kSmallMatches + 1) + ")) ORDER BY _axis_k" +
      order.direction + " NULLS LAST, _axis_rid";
  const std::string key = cache_key("rows", t.table_name, sql, where.values());
  if (auto cached = cache.rows.get(key)) return cached;
  std::string count_sql;
  if (auto n = cache.counts.get(count_key(t, where, count_sql)); n && *n > kSmallMatches) {
    return std::nullopt;
  }
  auto rows = std::make_shared<std::vector<std::string>>();
  std::size_t bytes = 0;
  store::for_each_row_json(conn, sql, where.values(), [&](std::string_view row) {
    rows->emplace_back(row);
    bytes += row.size() + sizeof(std::string);
  });
  if (static_cast<std::int64_t>(rows->size()) > kSmallMatches) return std::nullopt;
  cache.rows.put(key, rows, bytes + key.size());
  return rows;
}

std::string slice_json(const std::vector<std::string>& rows, std::int64_t offset,
                       std::int64_t page_size) {
  std::string out = "[";
  const auto end =
      std::min<std::int64_t>(offset + page_size, static_cast<std::int64_t>(rows.size()));
  for (std::int64_t i = offset; i < end; ++i) {
    if (i > offset) out += ',';
    out += rows[static_cast<std::size_t>(i)];
  }
  return out + "]";
}

}  // namespace

std::string page_json(BrowseCache& cache, store::Connection& conn, const BrowseTable& t,
                      const BrowseQuery& q) {
  std::string select;
  if (q.columns.empty()) {
    for (const auto& c : t.columns) select += (select.empty() ? "" : ", ") + select_item(c);
  } else {
    for (const std::string& name : q.columns) {
      select += (select.empty() ? "" : ", ") + select_item(known_column(t, name, "columns"));
    }
  }
  const Order order = order_of(t, q);
  const store::SqlWhere where = where_of(conn, t, q);
  const std::int64_t offset = (q.page - 1) * q.page_size;
  std::optional<RowList> matches;
  if (q.search && !q.search->empty()) {
    matches = small_matches(cache, conn, t, select, order, where);
  }
  const std::int64_t total =
      matches ? static_cast<std::int64_t>((*matches)->size()) : count_rows(cache, conn, t, where);
  std::string out = "{\"success\":true,\"total\":" + std::to_string(total) +
                    ",\"page\":" + std::to_string(q.page) +
                    ",\"page_size\":" + std::to_string(q.page_size) + ",\"data\":";
  if (matches) out += slice_json(**matches, offset, q.page_size);
  else if (offset >= total) out += "[]";
  else page_rows(cache, conn, t, select, order, where, total, offset, q.page_size, out);
  return out + "}";
}

}  // namespace axis::browse
