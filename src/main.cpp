// axis-server: serve (default), sync, check-config, healthcheck, version.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "app/app.h"
#include "app/cli_compat.h"
#include "health/healthcheck.h"
#include "app/sync_command.h"
#include "config/loader.h"
#include "config/masked.h"
#include "store/database.h"
#include "store/store_error.h"

namespace {

void setup_logging(const std::string& level) {
  auto main_log = spdlog::stderr_color_mt("axis");
  main_log->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  spdlog::set_default_logger(main_log);
  auto access = spdlog::stdout_color_mt("access");
  access->set_pattern("%Y-%m-%dT%H:%M:%S.%e access %v");
  spdlog::set_level(spdlog::level::from_str(level));
  access->set_level(spdlog::level::info);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"AXIS: AI evaluation analytics server"};
  cli.set_version_flag("--version", AXIS_VERSION);
  axis::config::LoadOptions options = axis::config::options_from_process(".env");
  std::string host, data_dir, log_level, custom_dir, health_url;
  int port = 0, workers = 0, health_timeout = 5;
  std::string access_log;
  bool no_samples = false;

  auto* serve = cli.add_subcommand("serve", "Serve the API and web UI (default)");
  serve->add_option("--host", host, "Listen address (env HOST, default 127.0.0.1)");
  serve->add_option("--port", port, "Listen port (env PORT, default 8500)")->check(CLI::Range(0, 65535));
  serve->add_option("--data-dir", data_dir, "Data directory (env AXIS_DATA_DIR, default ./data)");
  serve->add_option("--workers", workers, "I/O threads (env WORKERS, default = cores)")->check(CLI::Range(1, 256));
  serve->add_option("--log-level", log_level, "trace|debug|info|warn|error|off (env AXIS_LOG_LEVEL)");
  serve->add_option("--access-log", access_log,
                    "true|false, or alone for true; --no-access-log for false (env AXIS_ACCESS_LOG)");
  serve->add_option("--custom-dir", custom_dir, "Custom directory (env AXIS_CUSTOM_DIR)");
  serve->add_flag("--no-samples", no_samples, "Do not import the bundled sample data");
  auto* check = cli.add_subcommand("check-config", "Print the resolved configuration, secrets masked");
  check->add_option("--data-dir", data_dir, "Data directory");
  check->add_option("--custom-dir", custom_dir, "Custom directory");
  auto* health = cli.add_subcommand("healthcheck", "Exit 0 when the server at --url is healthy");
  health->add_option("--url", health_url, "Server URL (default http://127.0.0.1:$PORT)");
  health->add_option("--timeout", health_timeout, "Seconds to wait")->check(CLI::Range(1, 300));
  std::string sync_dataset;
  bool sync_full = false;
  auto* sync = cli.add_subcommand("sync", "Sync from PostgreSQL into the store file, then exit");
  sync->add_option("--dataset", sync_dataset, "monitoring | human_signals | eval | kpi (default: all configured)");
  sync->add_flag("--full", sync_full, "Rebuild from scratch instead of reading new rows only");
  sync->add_option("--data-dir", data_dir, "Data directory");
  sync->add_option("--custom-dir", custom_dir, "Custom directory");
  sync->add_option("--log-level", log_level, "trace|debug|info|warn|error|off");
  auto* version = cli.add_subcommand("version", "Print the version");
  cli.require_subcommand(0, 1);
  // The deployment guide's uvicorn flag forms (app/cli_compat.h).
  std::vector<std::string> args = axis::app::uvicorn_compatible_args({argv + 1, argv + argc});
  std::reverse(args.begin(), args.end());  // CLI11 reads the vector from the back
  try {
    cli.parse(args);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  if (*version) {
    std::cout << "axis-server " << AXIS_VERSION << " (DuckDB " << axis::store::duckdb_version() << ")\n";
    return 0;
  }
  if (!host.empty()) options.host = host;
  if (port != 0 || serve->count("--port")) options.port = port;
  if (!data_dir.empty()) options.data_dir = data_dir;
  if (workers != 0) options.workers = workers;
  if (!log_level.empty()) options.log_level = log_level;
  if (!custom_dir.empty()) options.custom_dir = custom_dir;
  if (!access_log.empty()) {
    if (access_log == "true" || access_log == "1" || access_log == "on") options.access_log = true;
    else if (access_log == "false" || access_log == "0" || access_log == "off") options.access_log = false;
    else {
      std::cerr << "error: --access-log expects true or false, got '" << access_log << "'\n";
      return 2;
    }
  }

  axis::config::Settings settings;
  try {
    settings = axis::config::load_settings(options);
  } catch (const axis::config::ConfigError& e) {
    std::cerr << "configuration error: " << e.what() << "\n";
    return 2;
  }

  if (*health) {
    if (health_url.empty()) health_url = "http://127.0.0.1:" + std::to_string(settings.server.port);
    auto result = axis::health::run_healthcheck(health_url, health_timeout);
    std::cout << (result.healthy ? "healthy: " : "unhealthy: ") << result.message << "\n";
    return result.healthy ? 0 : 1;
  }
  if (*check) {
    std::cout << axis::config::masked_settings_json(settings).dump(2) << "\n";
    for (const auto& w : settings.warnings) std::cerr << "warning: " << w << "\n";
    return 0;
  }

  setup_logging(settings.server.log_level);
  if (*sync) return axis::app::run_sync_command(settings, sync_dataset, sync_full);
  try {
    axis::app::App app(std::move(settings), {!no_samples, {}});
    return app.serve();
  } catch (const axis::store::StoreError& e) {
    spdlog::critical("{}", e.what());
    return 3;
  } catch (const std::exception& e) {
    spdlog::critical("cannot start: {}", e.what());
    return 1;
  }
}
