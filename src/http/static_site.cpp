#include "http/static_site.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/encoding.h"

namespace axis::http {
namespace fs = std::filesystem;
namespace {

bool is_text_type(const std::string& type) {
  return type.starts_with("text/") || type.find("javascript") != std::string::npos ||
         type.find("json") != std::string::npos || type.find("svg") != std::string::npos;
}

const char* kNotBuiltPage =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>AXIS - AI Evaluation Platform"
    "</title></head><body style=\"font-family:sans-serif;padding:2rem\"><h1>AXIS</h1>"
    "<p>The API is running, but the web UI has not been built. Run <code>make build</code> "
    "(or set AXIS_WEB_DIR to a built UI) and restart the server.</p></body></html>";

}  // namespace

std::string content_type_for(const std::string& filename) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".map", "application/json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".webp", "image/webp"},
      {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".csv", "text/csv; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  auto ext = fs::path(filename).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

StaticSite::StaticSite(const std::string& root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    File file{content_type_for(it->path().filename().string()), data.str(), {}};
    if (is_text_type(file.content_type) && file.body.size() > 512) {
      // Only the compressed copy is kept: nearly every client accepts gzip, and the rare one
      // that does not gets it inflated on the fly.
      file.gzipped = gzip_compress(file.body, 9);
      std::string().swap(file.body);
    }
    const std::string url = "/" + fs::relative(it->path(), root).generic_string();
    files_.emplace(url, std::move(file));
  }
}

Response StaticSite::render(const std::string& path, const File& file, bool gzip_ok) const {
  const bool zipped = !file.gzipped.empty();
  Response r = Response::text(!zipped ? file.body : gzip_ok ? file.gzipped : gzip_decompress(file.gzipped),
                              file.content_type);
  r.compressible = false;  // already compressed when worth it
  if (zipped && gzip_ok) r.header("Content-Encoding", "gzip");
  if (!file.gzipped.empty()) r.header("Vary", "Accept-Encoding");
  r.header("Cache-Control", path.starts_with("/assets/") ? "public, max-age=31536000, immutable"
                                                         : "no-cache");
  add_security_headers(r);
  return r;
}

void add_security_headers(Response& r) {
  r.header("Content-Security-Policy", kContentSecurityPolicy);
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "strict-origin-when-cross-origin");
}

std::optional<Response> StaticSite::serve(const std::string& path, bool gzip_ok) const {
  if (path.find("..") != std::string::npos) return std::nullopt;
  if (auto it = files_.find(path); it != files_.end()) return render(path, it->second, gzip_ok);
  const std::string last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return std::nullopt;
  return index(gzip_ok);
}

Response StaticSite::index(bool gzip_ok) const {
  if (auto it = files_.find("/index.html"); it != files_.end()) {
    return render("/index.html", it->second, gzip_ok);
  }
  Response r = Response::text(kNotBuiltPage, "text/html; charset=utf-8");
  r.header("Cache-Control", "no-cache");
  add_security_headers(r);
  return r;
}

}  // namespace axis::http
