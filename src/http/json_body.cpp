#include "http/json_body.h"

#include <nlohmann/json.hpp>

#include "http/encoding.h"
#include "http/request.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::http {

void check_json_body(const Request& req) {
  if (req.body.empty() || !util::is_valid_utf8(req.body) || !nlohmann::json::accept(req.body)) {
    parse_json_body(req);  // throws the 422 that describes the body
  }
}

nlohmann::ordered_json parse_json_body(const Request& req) {
  if (req.body.empty()) {
    throw util::HttpError({{"missing", {"body"}, "Field required", "null"}});
  }
  if (!util::is_valid_utf8(req.body)) {
    throw util::HttpError({{"utf8_invalid", {"body"}, "Request body is not valid UTF-8", "null"}});
  }
  try {
    return nlohmann::ordered_json::parse(req.body);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    throw util::HttpError({{"json_invalid", {"body", std::to_string(e.byte)},
                      "JSON decode error: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2),
                      "{}"}});
  }
}

}  // namespace axis::http
