#include "api/query_params.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {

std::int64_t int_param(const http::Request& req, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) {
  auto text = req.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  const std::string input =
      util::json_text(nlohmann::json(text->size() > 100 ? text->substr(0, 100) : *text));
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw util::HttpError({{"int_parsing", {"query", name},
                            "Input should be a valid integer, unable to parse string as an integer",
                            input}});
  }
  if (value < min) {
    throw util::HttpError({{"greater_than_equal", {"query", name},
                            "Input should be greater than or equal to " + std::to_string(min), input}});
  }
  if (value > max) {
    throw util::HttpError({{"less_than_equal", {"query", name},
                            "Input should be less than or equal to " + std::to_string(max), input}});
  }
  return value;
}

}  // namespace axis::api
