#include "api/asset_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/static_site.h"
#include "util/http_error.h"

namespace axis::api {
namespace fs = std::filesystem;

http::Response serve_asset(const std::string& custom_dir, const std::string& asset_type,
                           const std::string& filename) {
  const util::HttpError not_found(404, "Not found");
  if (asset_type != "branding" && asset_type != "agents") throw not_found;
  if (filename.empty() || filename.front() == '.' ||
      filename.find_first_of("/\\") != std::string::npos || filename.find('\0') != std::string::npos) {
    throw not_found;
  }
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(fs::path(custom_dir) / asset_type, ec);
  if (ec) throw not_found;
  const fs::path file = fs::weakly_canonical(folder / filename, ec);
  if (ec || file.parent_path() != folder || !fs::is_regular_file(file, ec)) throw not_found;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw not_found;
  std::ostringstream data;
  data << in.rdbuf();
  http::Response r = http::Response::text(data.str(), http::content_type_for(filename));
  r.compressible = r.content_type.find("svg") != std::string::npos;
  r.header("Cache-Control", asset_type == "branding" ? "public, max-age=31536000, immutable"
                                                     : "public, max-age=86400");
  return r;
}

}  // namespace axis::api
