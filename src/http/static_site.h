// StaticSite: the built web UI (web/dist) held in memory, with SPA fallback and cache headers.
// Loaded once at start-up; read-only and thread-safe afterwards.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "http/response.h"

namespace axis::http {

class StaticSite {
 public:
  // Loads every regular file under root (nothing when root does not exist) and pre-compresses
  // the text ones.
  explicit StaticSite(const std::string& root);

  bool available() const { return files_.count("/index.html") != 0; }
  std::size_t file_count() const { return files_.size(); }

  // The file at a URL path; the SPA's index.html for extension-less paths that are not files;
  // nullopt for a missing file with an extension (a real 404). Hashed files under /assets/ are
  // cached for a year as immutable; index.html must be revalidated.
  std::optional<Response> serve(const std::string& path, bool gzip_ok) const;
  // index.html, or a small page explaining that the UI has not been built.
  Response index(bool gzip_ok) const;

 private:
  struct File {
    std::string content_type, body, gzipped;  // gzipped is empty when not worth it
  };
  Response render(const std::string& path, const File& file, bool gzip_ok) const;
  std::map<std::string, File> files_;
};

// Content type for a file name by extension ("application/octet-stream" when unknown).
std::string content_type_for(const std::string& filename);

}  // namespace axis::http
