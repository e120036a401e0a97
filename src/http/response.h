// Response: what a handler returns. The server adds CORS, request id, compression and framing.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace axis::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool compressible = true;  // false for already-compressed payloads (images, .gz)

  static Response json(std::string body, int status = 200) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Response text(std::string body, std::string content_type, int status = 200) {
    Response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
  }
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace axis::http
