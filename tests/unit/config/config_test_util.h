// Helpers for the configuration tests: a private temporary directory used as the working
// directory (so <cwd>/custom/config is the YAML directory), and file writers.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "config/loader.h"

namespace axis::config::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("axis-config-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A load rooted in a fresh temporary directory, with an empty environment.
struct ConfigSandbox {
  TempDir dir;
  LoadOptions options;

  ConfigSandbox() { options.cwd = dir.str(); }

  std::filesystem::path config_dir() const { return dir.path() / "custom" / "config"; }
  std::string config_path(const std::string& name) const { return (config_dir() / name).string(); }
  void yaml(const std::string& name, const std::string& text) const {
    write_file(config_dir() / name, text);
  }
  void dotenv(const std::string& text) {
    write_file(dir.path() / ".env", text);
    options.dotenv_path = (dir.path() / ".env").string();
  }
  Settings load() const { return load_settings(options); }
};

}  // namespace axis::config::testing
