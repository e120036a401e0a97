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

namespace {

bool label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Whether `origin` matches `pattern`, where each '*' stands for one or more letters, digits or
// hyphens (never a dot, slash or colon, so a star stays inside one host label). Backtracking over
// the stars; patterns are short.
bool matches(std::string_view pattern, std::string_view origin) {
  if (pattern.empty()) return origin.empty();
  if (pattern.front() != '*') {
    return !origin.empty() && pattern.front() == origin.front() &&
           matches(pattern.substr(1), origin.substr(1));
  }
  for (std::size_t n = 1; n <= origin.size() && label_char(origin[n - 1]); ++n) {
    if (matches(pattern.substr(1), origin.substr(n))) return true;
  }
  return false;
}

}  // namespace

bool is_origin_pattern(std::string_view origin) {
  return origin.find('*') != std::string_view::npos && origin != "*";
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  for (const std::string& allowed : origins_) {
    if (is_origin_pattern(allowed) ? matches(allowed, origin) : allowed == origin) return true;
  }
  return false;
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
