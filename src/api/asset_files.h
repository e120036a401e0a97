// Files under <custom>/branding and <custom>/agents, served without path traversal.
#pragma once

#include <string>

#include "http/response.h"

namespace axis::api {

// The file <custom_dir>/<asset_type>/<filename>. asset_type must be "branding" or "agents";
// filename a plain name (no separators, no "..", not hidden) that resolves, symlinks followed,
// inside that folder. Throws HttpError(404, "Not found") otherwise.
http::Response serve_asset(const std::string& custom_dir, const std::string& asset_type,
                           const std::string& filename);

}  // namespace axis::api
