#include "sync/source_copy.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <mutex>

#include "pg/pg_connection.h"

namespace axis::sync {
namespace {

using pg::PgConnection;

// A connection that reads in UTC with the source's statement timeout.
std::unique_ptr<PgConnection> open(const CopyRequest& request) {
  auto conn = PgConnection::connect(request.url);
  conn->execute("SET TimeZone = 'UTC'; SET statement_timeout = " +
                std::to_string(request.statement_timeout_seconds * 1000));
  return conn;
}

std::string limited(const CopyRequest& request, const std::string& condition) {
  std::string sql = "SELECT * FROM (" + request.query + ") AS _axis_src";
  if (!condition.empty()) sql += " WHERE " + condition;
  if (request.max_rows > 0) sql += " LIMIT " + std::to_string(request.max_rows + 1);
  return sql;
}

// The split points of the partition column into `parts` equal-width ranges, as text, computed
// by PostgreSQL in the column's own type; empty when the column has no values or its type
// cannot be split (then one COPY reads everything).
std::vector<std::string> split_points(PgConnection& conn, const CopyRequest& request, int parts) {
  const std::string column = "_b." + pg::quote_ident(request.partition_column);
  const std::string sql =
      "SELECT (lo + (hi - lo) * i / " + std::to_string(parts) + ")::text FROM (SELECT min(" +
      column + ") AS lo, max(" + column + ") AS hi FROM (" + request.query +
      ") AS _b) AS _r, generate_series(1, " + std::to_string(parts - 1) +
      ") AS i WHERE lo IS NOT NULL AND hi IS NOT NULL ORDER BY i";
  try {
    std::vector<std::string> points;
    for (const auto& row : conn.query(sql).rows) {
      if (row[0] && (points.empty() || points.back() != *row[0])) points.push_back(*row[0]);
    }
    return points;
  } catch (const pg::PgError& e) {
    if (e.cancelled()) throw;
    spdlog::info("sync: partition column {} cannot be split ({}); one COPY reads it",
                 request.partition_column, e.what());
    return {};
  }
}

std::vector<SourceColumn> columns_of(PgConnection& conn, const std::string& query) {
  const pg::PgResult r = conn.query("SELECT * FROM (" + query + ") AS _axis_src LIMIT 0");
  std::vector<SourceColumn> out;
  for (std::size_t i = 0; i < r.columns.size(); ++i) out.push_back({r.columns[i], r.types[i]});
  return out;
}

// One COPY into one file.
PgConnection::CopyCount copy_range(PgConnection& conn, const CopyRequest& request,
                        const std::string& condition, const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!file) throw std::runtime_error("cannot write " + path);
  const PgConnection::CopyCount count = conn.copy_out(
      "COPY (" + limited(request, condition) + ") TO STDOUT WITH (FORMAT csv, HEADER true)",
      [&, header = true](std::string_view piece) mutable {
        if (std::fwrite(piece.data(), 1, piece.size(), file.get()) != piece.size()) {
          throw std::runtime_error("cannot write " + path + " (disk full?)");
        }
        // libpq hands over one CSV row per piece, the header line first.
        if (request.progress) {
          request.progress->bytes += static_cast<std::int64_t>(piece.size());
          if (!header) ++request.progress->rows;
        }
        header = false;
      });
  if (std::fflush(file.get()) != 0) throw std::runtime_error("cannot write " + path);
  return count;
}

}  // namespace

std::vector<std::string> range_conditions(const std::string& quoted_column,
                                          const std::vector<std::string>& bounds) {
  if (bounds.empty()) return {""};
  std::vector<std::string> out;
  out.push_back(quoted_column + " < " + pg::quote_literal(bounds.front()) + " OR " +
                quoted_column + " IS NULL");
  for (std::size_t i = 1; i < bounds.size(); ++i) {
    out.push_back(quoted_column + " >= " + pg::quote_literal(bounds[i - 1]) + " AND " +
                  quoted_column + " < " + pg::quote_literal(bounds[i]));
  }
  out.push_back(quoted_column + " >= " + pg::quote_literal(bounds.back()));
  return out;
}

CopyResult copy_to_csv(const CopyRequest& request, const std::string& dir,
                       const std::string& prefix) {
  CopyResult result;
  auto first = open(request);
  result.columns = columns_of(*first, request.query);
  std::vector<std::string> conditions = {""};
  if (!request.partition_column.empty() && request.workers > 1) {
    conditions = range_conditions("_axis_src." + pg::quote_ident(request.partition_column),
                                  split_points(*first, request, request.workers));
  }
  result.ranges = static_cast<int>(conditions.size());
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    result.files.push_back(dir + "/" + prefix + "_" + std::to_string(i) + ".csv");
  }
  if (conditions.size() == 1) {
    const auto count = copy_range(*first, request, conditions[0], result.files[0]);
    result.bytes = count.bytes;
    result.rows = count.rows;
    return result;
  }
  // One connection per range; the first failure cancels the others.
  std::vector<std::unique_ptr<PgConnection>> conns;
  conns.push_back(std::move(first));
  for (std::size_t i = 1; i < conditions.size(); ++i) conns.push_back(open(request));
  std::mutex failed_mutex;
  std::exception_ptr failed;
  std::vector<std::future<PgConnection::CopyCount>> jobs;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    jobs.push_back(std::async(std::launch::async, [&, i]() -> PgConnection::CopyCount {
      try {
        return copy_range(*conns[i], request, conditions[i], result.files[i]);
      } catch (...) {
        std::lock_guard lock(failed_mutex);
        if (!failed) {
          failed = std::current_exception();
          for (std::size_t j = 0; j < conns.size(); ++j) {
            if (j != i) conns[j]->cancel();
          }
        }
        return {};
      }
    }));
  }
  for (auto& job : jobs) {
    const auto count = job.get();
    result.bytes += count.bytes;
    result.rows += count.rows;
  }
  if (failed) std::rethrow_exception(failed);
  return result;
}

}  // namespace axis::sync
