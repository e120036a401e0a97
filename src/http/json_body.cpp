#include "http/json_body.h"

#include <nlohmann/json.hpp>

#include "http/encoding.h"
#include "http/http_error.h"
#include "http/request.h"

namespace axis::http {

nlohmann::ordered_json parse_json_body(const Request& req) {
  if (req.body.empty()) {
    throw HttpError({{"missing", {"body"}, "Field required", "null"}});
  }
  if (!is_valid_utf8(req.body)) {
    throw HttpError({{"utf8_invalid", {"body"}, "Request body is not valid UTF-8", "null"}});
  }
  try {
    return nlohmann::ordered_json::parse(req.body);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    throw HttpError({{"json_invalid", {"body", std::to_string(e.byte)},
                      "JSON decode error: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2),
                      "{}"}});
  }
}

}  // namespace axis::http
