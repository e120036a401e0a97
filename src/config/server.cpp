#include <algorithm>
#include <fstream>
#include <thread>

#include "config/config_error.h"
#include "config/env.h"
#include "config/loader.h"
#include "config/sections.h"
#include "util/ip_range.h"

#ifndef AXIS_SOURCE_DIR
#define AXIS_SOURCE_DIR "."
#endif

namespace axis::config::detail {

namespace {

// The canonical spelling of a log level, or nullopt.
std::optional<std::string> normalise_log_level(const std::string& text) {
  const std::string v = to_lower(trim(text));
  if (v == "warning") return "warn";
  if (v == "critical" || v == "fatal") return "error";
  for (const char* level : {"trace", "debug", "info", "warn", "error", "off"}) {
    if (v == level) return v;
  }
  return std::nullopt;
}

constexpr const char* kLogLevels = "one of trace|debug|info|warn|error|off";


std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

int cores() { return std::max(1u, std::thread::hardware_concurrency()); }

void load_log_level(const LoadOptions& o, LoadContext& lc, ServerSettings& s) {
  if (o.log_level) {
    const auto level = normalise_log_level(*o.log_level);
    if (!level) {
      throw ConfigError("command line: option '--log-level': expected " + std::string(kLogLevels) +
                        ", got '" + *o.log_level + "'");
    }
    s.log_level = *level;
    return;
  }
  for (const char* name : {"AXIS_LOG_LEVEL", "LOG_LEVEL"}) {
    const auto value = lc.env.non_empty(name);
    if (!value) continue;
    const auto level = normalise_log_level(*value);
    if (!level) lc.env.fail_variable(name, kLogLevels);
    s.log_level = *level;
    return;
  }
}

void load_limits(LoadContext& lc, ServerSettings& s) {
  const Env& env = lc.env;
  auto& w = lc.warnings;
  const int blocking = static_cast<int>(env.integer("AXIS_BLOCKING_THREADS", 0));
  s.blocking_threads = blocking == 0 ? std::max(4, 2 * cores())
                                     : clamp_int(blocking, 1, 1024, "AXIS_BLOCKING_THREADS", w);
  s.blocking_queue = clamp_int(env.integer("AXIS_BLOCKING_QUEUE", s.blocking_queue), 1, 1000000,
                               "AXIS_BLOCKING_QUEUE", w);
  s.max_streams = clamp_int(env.integer("AXIS_MAX_STREAMS", s.max_streams), 1, 10000,
                            "AXIS_MAX_STREAMS", w);
  constexpr long long kKiB = 1024, kGiB = kKiB * kKiB * kKiB;
  s.max_json_bytes = static_cast<std::size_t>(
      clamp_value(env.integer("AXIS_MAX_JSON_BYTES", static_cast<long long>(s.max_json_bytes)),
                  kKiB, 4 * kGiB, "AXIS_MAX_JSON_BYTES", w));
  s.max_upload_bytes = static_cast<std::size_t>(
      clamp_value(env.integer("AXIS_MAX_UPLOAD_BYTES", static_cast<long long>(s.max_upload_bytes)),
                  kKiB, 64 * kGiB, "AXIS_MAX_UPLOAD_BYTES", w));
  s.max_csv_columns = static_cast<std::size_t>(clamp_value(
      env.integer("AXIS_MAX_CSV_COLUMNS", static_cast<long long>(s.max_csv_columns)), 1,
      static_cast<long long>(kCsvColumnsCeiling),
      "AXIS_MAX_CSV_COLUMNS", w));
  s.max_csv_header_bytes = static_cast<std::size_t>(clamp_value(
      env.integer("AXIS_MAX_CSV_HEADER_BYTES", static_cast<long long>(s.max_csv_header_bytes)),
      kKiB, 16 * kKiB * kKiB, "AXIS_MAX_CSV_HEADER_BYTES", w));
  // DuckDB's reader takes lines of at most 16 MiB (ingest/csv_read.cpp), so no field may be more.
  s.max_csv_cell_bytes = static_cast<std::size_t>(clamp_value(
      env.integer("AXIS_MAX_CSV_CELL_BYTES", static_cast<long long>(s.max_csv_cell_bytes)), kKiB,
      16 * kKiB * kKiB, "AXIS_MAX_CSV_CELL_BYTES", w));
  s.header_timeout_seconds = clamp_int(env.integer("AXIS_HEADER_TIMEOUT", s.header_timeout_seconds),
                                       1, 3600, "AXIS_HEADER_TIMEOUT", w);
  s.idle_timeout_seconds = clamp_int(env.integer("AXIS_IDLE_TIMEOUT", s.idle_timeout_seconds), 1,
                                     3600, "AXIS_IDLE_TIMEOUT", w);
  s.shutdown_grace_seconds = clamp_int(env.integer("AXIS_SHUTDOWN_GRACE", s.shutdown_grace_seconds),
                                       0, 3600, "AXIS_SHUTDOWN_GRACE", w);
  s.stream_ping_seconds = clamp_int(env.integer("AXIS_STREAM_PING_SECONDS", s.stream_ping_seconds),
                                    1, 300, "AXIS_STREAM_PING_SECONDS", w);
}

void load_origins(LoadContext& lc, ServerSettings& s) {
  s.frontend_url = trim(lc.env.non_empty("FRONTEND_URL").value_or(s.frontend_url));
  s.frontend_urls = split_list(lc.env.str("FRONTEND_URLS", ""));
  std::vector<std::string> origins = {"http://localhost:3500", "http://127.0.0.1:3500",
                                      s.frontend_url};
  origins.insert(origins.end(), s.frontend_urls.begin(), s.frontend_urls.end());
  s.cors_origins.clear();
  for (auto& origin : origins) {
    origin = without_trailing_slash(origin);
    if (origin.empty()) continue;
    if (std::find(s.cors_origins.begin(), s.cors_origins.end(), origin) == s.cors_origins.end()) {
      s.cors_origins.push_back(origin);
    }
  }
}

void load_paths(const LoadOptions& o, LoadContext& lc, ServerSettings& s) {
  const Env& env = lc.env;
  const std::string data_dir =
      o.data_dir ? *o.data_dir : env.non_empty("AXIS_DATA_DIR").value_or(s.data_dir);
  s.data_dir = absolute_path(data_dir, lc.cwd);
  const std::string custom_dir =
      o.custom_dir ? *o.custom_dir : env.non_empty("AXIS_CUSTOM_DIR").value_or("custom");
  s.custom_dir = absolute_path(custom_dir, lc.cwd);
  const std::string web_dir =
      env.non_empty("AXIS_WEB_DIR").value_or(std::string(AXIS_SOURCE_DIR) + "/web/dist");
  s.web_dir = absolute_path(web_dir, lc.cwd);
  const std::string examples_dir =
      env.non_empty("AXIS_EXAMPLES_DIR").value_or(std::string(AXIS_SOURCE_DIR) + "/data/examples");
  s.examples_dir = absolute_path(examples_dir, lc.cwd);
}

// Tokens from AXIS_API_TOKEN and AXIS_API_TOKEN_FILE (one per line, # comments); the identity
// header of a trusted proxy and the proxies trusted to send it.
void load_auth(LoadContext& lc, ServerSettings& s) {
  const Env& env = lc.env;
  s.api_tokens = split_list(env.str("AXIS_API_TOKEN", ""));
  if (const auto file = env.non_empty("AXIS_API_TOKEN_FILE")) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw ConfigError("AXIS_API_TOKEN_FILE: cannot read " + *file);
    std::string line;
    while (std::getline(in, line)) {
      std::string token = trim(line);
      if (!token.empty() && token.front() != '#') s.api_tokens.push_back(std::move(token));
    }
  }
  for (const auto& token : s.api_tokens) {
    if (token.size() < 16) {
      throw ConfigError("AXIS_API_TOKEN: every token must be at least 16 characters (one has " +
                        std::to_string(token.size()) + ")");
    }
  }
  s.auth_proxy_header = trim(env.str("AXIS_AUTH_PROXY_HEADER", ""));
  s.trusted_proxies = split_list(env.str("AXIS_TRUSTED_PROXIES", "127.0.0.1,::1"));
  for (const auto& range : s.trusted_proxies) {
    if (!util::IpRange::parse(range)) {
      throw ConfigError("AXIS_TRUSTED_PROXIES: '" + range + "' is not an IP address or CIDR range");
    }
  }
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = trim(std::string_view(text).substr(start, comma - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = comma + 1;
  }
  return out;
}

void load_server(const LoadOptions& o, LoadContext& lc, ServerSettings& s) {
  const Env& env = lc.env;
  auto& w = lc.warnings;
  s.host = o.host ? *o.host : trim(env.non_empty("HOST").value_or(s.host));
  if (s.host.empty()) throw ConfigError("command line: option '--host': must not be empty");
  s.port = o.port ? clamp_int(*o.port, 1, 65535, "--port", w)
                  : clamp_int(env.integer("PORT", s.port), 1, 65535, "PORT", w);
  const long long workers = o.workers ? *o.workers : env.integer("WORKERS", s.workers);
  s.workers = workers == 0 ? std::min(cores(), 256)
                           : clamp_int(workers, 1, 256, o.workers ? "--workers" : "WORKERS", w);
  s.debug = env.boolean("DEBUG", s.debug);
  s.app_name = env.non_empty("APP_NAME").value_or(s.app_name);
  load_log_level(o, lc, s);
  s.access_log = o.access_log ? *o.access_log : env.boolean("AXIS_ACCESS_LOG", s.access_log);
  load_limits(lc, s);
  load_origins(lc, s);
  load_paths(o, lc, s);
  load_auth(lc, s);
  // "*" (all), "" (none) or a comma list, kept in a canonical form.
  const auto plugins = env.get("AXIS_PLUGINS_ENABLED");
  if (plugins) {
    const auto items = split_list(*plugins);
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ",") + item;
    s.plugins_enabled = std::find(items.begin(), items.end(), "*") != items.end() ? "*" : joined;
  }
}

}  // namespace axis::config::detail
