// Builds Settings from the command line, the environment, a .env file and the YAML files in
// <custom>/config/. Precedence, strongest first: command line > process environment > .env >
// YAML > built-in defaults (per-source details: docs/configuration.md). Stateless and
// thread-safe: everything it reads is passed in, except the files it opens.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "config/config_error.h"
#include "config/settings.h"

namespace axis::config {

struct LoadOptions {
  // The process environment (names in any case). Never mutated; .env values only fill names
  // that are absent here.
  std::map<std::string, std::string> env;
  // The .env file to read; empty or missing means none.
  std::string dotenv_path;
  // Base for relative paths (custom dir, data dir, duckdb path); empty = the process's CWD.
  std::string cwd;
  // Command-line overrides, strongest of all.
  std::optional<std::string> host, data_dir, log_level, custom_dir;
  std::optional<int> port, workers;
  std::optional<bool> access_log;
};

// A snapshot of the process environment (environ) and `dotenv_path`; no overrides set.
LoadOptions options_from_process(const std::string& dotenv_path);

// Reads and validates everything. Throws ConfigError (what() names the file or variable, the
// key and the reason, never a secret) on a malformed .env, a YAML syntax error, a value of the
// wrong type or an invalid enum value. Out-of-range numbers are clamped with a warning; unset
// ${VAR} references become empty with a warning. Both kinds land in Settings::warnings.
Settings load_settings(const LoadOptions& options);

// The path a module-owned config file would have: <settings.config_dir>/<file>. It may not
// exist. `.example` files are never read.
std::string config_file_path(const Settings& settings, const std::string& file);

}  // namespace axis::config
