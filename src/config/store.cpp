#include <regex>

#include "config/env.h"
#include "config/sections.h"

namespace axis::config::detail {

namespace {

// DuckDB's memory_limit syntax, restricted so the value is safe to place in a SET statement:
// a number and a unit, or a percentage.
bool valid_memory_limit(const std::string& text) {
  static const std::regex pattern(R"(^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)$)",
                                  std::regex::icase);
  return std::regex_match(text, pattern);
}

}  // namespace

void load_store(LoadContext& lc, const ServerSettings& server, StoreSettings& out) {
  const auto file = open_config(lc, "duckdb.yaml");
  if (file) {
    const YamlNode y = section(&file->ctx, file->root, "duckdb");
    y.read("enabled", out.enabled);
    y.read("path", out.path);
    if (y["sync_mode"].present()) {
      out.sync_mode =
          to_lower(trim(y["sync_mode"].as_string())) == "startup" ? "startup" : "manual";
    } else if (y["auto_sync_on_startup"].present()) {
      out.sync_mode = y["auto_sync_on_startup"].as_bool() ? "startup" : "manual";
    }
    out.sync_chunk_size =
        static_cast<int>(y.clamped("sync_chunk_size", out.sync_chunk_size, 1, 10000000));
    out.max_sync_rows = y.clamped("max_sync_rows", out.max_sync_rows, 1, 1LL << 40);
    out.query_concurrency =
        static_cast<int>(y.clamped("query_concurrency", out.query_concurrency, 1, 64));
    out.sync_workers = static_cast<int>(y.clamped("sync_workers", out.sync_workers, 1, 64));
    y.read("memory_limit", out.memory_limit);
    out.memory_limit = trim(out.memory_limit);
    if (!out.memory_limit.empty() && !valid_memory_limit(out.memory_limit)) {
      y["memory_limit"].fail("expected a size such as 512MB, 4GB or 50%, got '" + out.memory_limit +
                             "'");
    }
    out.threads = static_cast<int>(y.clamped("threads", out.threads, 0, 256));
  }
  out.path = out.path.empty() ? absolute_path("local_store.duckdb", server.data_dir)
                              : absolute_path(out.path, lc.cwd);
}

}  // namespace axis::config::detail
