#include "api/file_download.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <utility>
#include <unistd.h>

#include "util/http_error.h"

namespace axis::api {

TempFile::TempFile(const std::string& dir, const std::string& prefix) {
  std::string pattern = (std::filesystem::path(dir) / (prefix + "-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw util::HttpError(500, "Cannot create a temporary file for the export");
  ::close(fd);
  path_ = pattern;
}

TempFile::~TempFile() {
  if (!path_.empty()) std::remove(path_.c_str());
}

std::string TempFile::release() { return std::exchange(path_, {}); }

std::string attachment(const std::string& filename) {
  std::string ascii;
  std::string encoded;
  for (unsigned char c : filename) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += plain || c == ' ' ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace axis::api
