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
    std::string content_type, body, gzipped;  // one of them: gzipped for text worth compressing
  };
  Response render(const std::string& path, const File& file, bool gzip_ok) const;
  std::map<std::string, File> files_;
};

// What the UI may load: its own scripts and styles (inline styles for charts and themes),
// images from anywhere over HTTPS (theme hero images), API calls to its own origin; it may not
// be framed.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// The UI's security headers: the CSP above, no framing, a strict referrer policy (the server
// adds X-Content-Type-Options: nosniff to every reply).
void add_security_headers(Response& r);

// Content type for a file name by extension ("application/octet-stream" when unknown).
std::string content_type_for(const std::string& filename);

}  // namespace axis::http
