// Fields of a JSON request body, read with the 422 validation errors the rest of the API uses
// ({"type","loc":["body",field],"msg","input"}).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace axis::api {

using BodyJson = nlohmann::ordered_json;

// The body must be a JSON object; throws 422 model_attributes_type otherwise.
void require_object(const BodyJson& body);
// A string field of at least min_length characters; throws 422 missing / string_type /
// string_too_short.
std::string required_string(const BodyJson& body, const std::string& field, std::size_t min_length = 1);
// An optional string field (null or absent → nullopt); throws 422 string_type.
std::optional<std::string> optional_string(const BodyJson& body, const std::string& field);

}  // namespace axis::api
