// CorsPolicy: origin allowlist with credentials, as spec/api.md §1 describes. An entry matches
// exactly, or is a pattern with '*' standing for one or more letters, digits or hyphens inside
// one host label (`https://axis-*-team.vercel.app` for preview deployments). A lone "*" is never
// honoured. Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> allowed_origins);

  bool allows(std::string_view origin) const;

  // Headers for an actual (non-preflight) request; empty when there is no Origin or it is not
  // allowed (the browser then blocks the response).
  HeaderList response_headers(std::string_view origin) const;

  struct Preflight {
    int status;        // 200, or 400 for a disallowed origin
    HeaderList headers;
    std::string body;  // {"detail": "Disallowed CORS origin"} on 400
  };
  // Answers an OPTIONS request carrying Origin and Access-Control-Request-Method.
  Preflight preflight(std::string_view origin, std::string_view requested_headers) const;

  const std::vector<std::string>& origins() const { return origins_; }

 private:
  std::vector<std::string> origins_;
};

// Whether an allowlist entry is a pattern (holds '*' and is not "*" alone).
bool is_origin_pattern(std::string_view origin);

// True for OPTIONS requests with Origin and Access-Control-Request-Method headers.
bool is_preflight(std::string_view method, std::string_view origin,
                  std::string_view request_method);

}  // namespace axis::http
