// The benchmarks' reference point: what DuckDB itself takes for the work axis-server does.
//
//   duckdb_load load  <db-file> <csv-file>      fresh database file, then
//                                               CREATE TABLE t AS SELECT * FROM read_csv(<csv>);
//                                               prints "<seconds> <rows>"
//   duckdb_load query <db-file> <runs> <sql>    runs <sql> once to warm up, then <runs> times;
//                                               prints "<median seconds> <rows> <first cell>"
//                                               (every cell is fetched as text)
//
// DuckDB runs with its default settings, through the same store wrapper the server uses.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/database.h"
#include "store/store_error.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int load(const std::string& db_file, const std::string& csv) {
  std::filesystem::remove(db_file);
  std::filesystem::remove(db_file + ".wal");
  axis::store::Database db({db_file, "", 0});
  axis::store::Connection conn(db);
  const auto start = Clock::now();
  conn.query("CREATE TABLE t AS SELECT * FROM read_csv(?)", {csv});
  const double took = seconds_since(start);
  const auto rows = conn.execute("SELECT count(*) FROM t").scalar().value_or("0");
  std::printf("%.3f %s\n", took, rows.c_str());
  return 0;
}

int query(const std::string& db_file, int runs, const std::string& sql) {
  axis::store::Database db({db_file, "", 0});
  axis::store::Connection conn(db);
  std::size_t rows = 0;
  std::string first = "-";
  auto run = [&] {
    rows = 0;
    // Lists and structs are read as text: the result is only counted, not inspected.
    conn.execute("SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (" + sql + ")").for_each_row([&](const std::vector<std::optional<std::string>>& row) {
      if (rows++ == 0 && !row.empty()) first = row[0].value_or("NULL");
    });
  };
  run();
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    run();
    times.push_back(seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  const double median = times.empty() ? 0
      : times.size() % 2 ? times[times.size() / 2]
                         : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
  std::printf("%.6f %zu %s\n", median, rows, first.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "load") return load(args[1], args[2]);
    if (args.size() == 4 && args[0] == "query") return query(args[1], std::stoi(args[2]), args[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "duckdb_load: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: duckdb_load load <db-file> <csv-file>\n"
               "       duckdb_load query <db-file> <runs> <sql>\n");
  return 2;
}
