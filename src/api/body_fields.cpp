#include "api/body_fields.h"

#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

std::string input_of(const BodyJson& v) { return util::json_text(v); }

}  // namespace

void require_object(const BodyJson& body) {
  if (!body.is_object()) {
    throw util::HttpError({{"model_attributes_type", {"body"}, "Input should be a valid dictionary or object",
                            input_of(body)}});
  }
}

std::string required_string(const BodyJson& body, const std::string& field, std::size_t min_length) {
  require_object(body);
  auto it = body.find(field);
  if (it == body.end()) throw util::HttpError({{"missing", {"body", field}, "Field required", input_of(body)}});
  if (!it->is_string()) {
    throw util::HttpError({{"string_type", {"body", field}, "Input should be a valid string", input_of(*it)}});
  }
  std::string value = it->get<std::string>();
  if (value.size() < min_length) {
    throw util::HttpError({{"string_too_short", {"body", field},
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
    throw util::HttpError({{"string_type", {"body", field}, "Input should be a valid string", input_of(*it)}});
  }
  return it->get<std::string>();
}

}  // namespace axis::api
