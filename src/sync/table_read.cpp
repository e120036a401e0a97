#include "sync/table_read.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "monitoring/monitoring_columns.h"
#include "pg/pg_connection.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/text.h"

namespace axis::sync {
namespace {

std::vector<std::string> stored_names(const SyncTarget& target,
                                      const std::vector<SourceColumn>& columns) {
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.name);
  const auto named = target.name == "monitoring"
                         ? monitoring::name_columns(header, target.source->columns)
                         : monitoring::name_columns(header, target.source->columns, {});
  std::vector<std::string> out;
  for (const auto& n : named) out.push_back(n.name);
  return out;
}


}  // namespace

TableRead read_table(store::Store& store, const SyncTarget& target, const std::string& table,
                     const std::string& query, const std::optional<std::string>& watermark,
                     const ReadOptions& options, bool stage) {
  const std::string& incremental = target.source->incremental_column;
  CopyRequest request{options.url, std::string(util::without_trailing_semicolons(query)), target.source->partition_column,
                      options.workers, options.max_rows, options.statement_timeout_seconds,
                      options.progress};
  if (watermark) {
    request.query = "SELECT * FROM (" + request.query + ") AS _inc WHERE _inc." +
                    pg::quote_ident(incremental) + " > " + pg::quote_literal(*watermark);
  }
  const auto started = std::chrono::steady_clock::now();
  CopyResult copy = copy_to_csv(request, options.tmp_dir, table);
  const auto copied = std::chrono::steady_clock::now();
  const std::vector<std::string> names = stored_names(target, copy.columns);
  TableRead out;
  out.table = table;
  out.staging = table + "_staging";
  if (!incremental.empty()) {
    for (std::size_t i = 0; i < copy.columns.size(); ++i) {
      if (copy.columns[i].name == incremental) out.incremental_column = names[i];
    }
    if (out.incremental_column.empty()) {
      throw std::runtime_error("incremental_column '" + incremental + "' is not a column of the " +
                               table + " query");
    }
  }
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  if (!stage) {
    spdlog::info("sync {}: read {} rows ({} MB of CSV, {} COPY) in {:.1f} s", table, copy.rows,
                 copy.bytes >> 20, copy.ranges, seconds(started, copied));
    out.copy = std::move(copy);
    out.names = names;
    return out;
  }
  auto conn = store.connection();
  out.staged = stage_csv(*conn, out.staging, copy, names, options.max_rows);
  out.is_staged = true;
  spdlog::info("sync {}: read {} rows ({} MB of CSV, {} COPY) in {:.1f} s, staged in {:.1f} s", table,
               out.staged.rows, copy.bytes >> 20, copy.ranges, seconds(started, copied),
               seconds(copied, std::chrono::steady_clock::now()));
  return out;
}

}  // namespace axis::sync
