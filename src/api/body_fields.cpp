#include "api/body_fields.h"

#include "http/http_error.h"

namespace axis::api {
namespace {

std::string input_of(const BodyJson& v) { return v.dump(-1, ' ', false, BodyJson::error_handler_t::replace); }

}  // namespace

void require_object(const BodyJson& body) {
  if (!body.is_object()) {
    throw http::HttpError({{"model_attributes_type", {"body"}, "Input should be a valid dictionary or object",
                            input_of(body)}});
  }
}

std::string required_string(const BodyJson& body, const std::string& field, std::size_t min_length) {
  require_object(body);
  auto it = body.find(field);
  if (it == body.end()) throw http::HttpError({{"missing", {"body", field}, "Field required", input_of(body)}});
  if (!it->is_string()) {
    throw http::HttpError({{"string_type", {"body", field}, "Input should be a valid string", input_of(*it)}});
  }
  std::string value = it->get<std::string>();
  if (value.size() < min_length) {
    throw http::HttpError({{"string_too_short", {"body", field},
                            "String should have at least " + std::to_string(min_length) + " character" +
                                (min_length == 1 ? "" : "s"),
                            input_of(*it)}});
  }
  return value;
}

std::optional<std::string> optional_string(const BodyJson& body, const std::string& field) {
  require_object(body);
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    throw http::HttpError({{"string_type", {"body", field}, "Input should be a valid string", input_of(*it)}});
  }
  return it->get<std::string>();
}

}  // namespace axis::api
