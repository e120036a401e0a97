// ScopedPath: a file or folder that is removed (with everything in it) when the object goes
// out of scope, whatever happened meanwhile. Removal errors are ignored.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

namespace axis::util {

class ScopedPath {
 public:
  explicit ScopedPath(std::string path) : path_(std::move(path)) {}
  ~ScopedPath() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScopedPath(const ScopedPath&) = delete;
  ScopedPath& operator=(const ScopedPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace axis::util
