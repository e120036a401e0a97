#include "http/cors.h"

#include <algorithm>

#include "util/http_error.h"

namespace axis::http {

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins) {
  for (std::string& origin : allowed_origins) {
    if (origin.empty() || origin == "*") continue;  // a wildcard is never honoured
    if (std::find(origins_.begin(), origins_.end(), origin) == origins_.end()) {
      origins_.push_back(std::move(origin));
    }
  }
}

bool CorsPolicy::allows(std::string_view origin) const {
  return std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

HeaderList CorsPolicy::response_headers(std::string_view origin) const {
  if (origin.empty() || !allows(origin)) return {};
  return {{"Access-Control-Allow-Origin", std::string(origin)},
          {"Access-Control-Allow-Credentials", "true"},
          {"Vary", "Origin"}};
}

CorsPolicy::Preflight CorsPolicy::preflight(std::string_view origin,
                                            std::string_view requested_headers) const {
  Preflight result{200, {{"Vary", "Origin"}}, {}};
  if (!allows(origin)) {
    result.status = 400;
    result.body = util::detail_body("Disallowed CORS origin");
    return result;
  }
  result.headers.emplace_back("Access-Control-Allow-Origin", std::string(origin));
  result.headers.emplace_back("Access-Control-Allow-Credentials", "true");
  result.headers.emplace_back("Access-Control-Allow-Methods",
                              "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
  result.headers.emplace_back("Access-Control-Max-Age", "600");
  if (!requested_headers.empty()) {
    result.headers.emplace_back("Access-Control-Allow-Headers", std::string(requested_headers));
  }
  return result;
}

bool is_preflight(std::string_view method, std::string_view origin,
                  std::string_view request_method) {
  return method == "OPTIONS" && !origin.empty() && !request_method.empty();
}

}  // namespace axis::http
