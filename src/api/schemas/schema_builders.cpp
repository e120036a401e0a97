#include "api/schemas/schema_builders.h"

#include <stdexcept>

namespace axis::api::schema {
namespace {

Json typed(const char* type) { return {{"type", type}}; }

void add_property(Json& object, const Property& p) {
  object["properties"][p.name] = p.schema;
  if (p.required) object["required"].push_back(p.name);
}

}  // namespace

Json str() { return typed("string"); }
Json integer() { return typed("integer"); }
Json number() { return typed("number"); }
Json boolean() { return typed("boolean"); }
Json any() { return Json::object(); }

Json one_of(std::initializer_list<const char*> values) {
  Json list = Json::array();
  for (const char* v : values) list.push_back(v);
  return {{"type", "string"}, {"enum", list}};
}

Json nullable(Json schema) {
  if (schema.contains("type") && schema["type"].is_string()) {
    schema["type"] = Json::array({schema["type"], "null"});
    if (schema.contains("enum")) schema["enum"].push_back(nullptr);
    return schema;
  }
  return {{"anyOf", Json::array({std::move(schema), typed("null")})}};
}

Json array_of(Json items) { return {{"type", "array"}, {"items", std::move(items)}}; }

Json map_of(Json values) { return {{"type", "object"}, {"additionalProperties", std::move(values)}}; }

Json ref(const std::string& component) { return {{"$ref", "#/components/schemas/" + component}}; }

Property optional(std::string name, Json schema) { return {std::move(name), std::move(schema), false}; }

Json object(std::initializer_list<Property> properties) {
  Json out = {{"type", "object"}, {"properties", Json::object()}};
  for (const Property& p : properties) add_property(out, p);
  return out;
}

Json extend(Json base, std::initializer_list<Property> more) {
  for (const Property& p : more) {
    if (base["properties"].contains(p.name)) {
      throw std::logic_error("schema: property '" + p.name + "' is already declared");
    }
    add_property(base, p);
  }
  return base;
}

Json open(Json base) {
  base["additionalProperties"] = true;
  return base;
}

Json described(Json base, const std::string& description) {
  base["description"] = description;
  return base;
}

void Components::add(const std::string& name, Json schema) {
  if (schemas_.contains(name)) throw std::logic_error("schema '" + name + "' is declared twice");
  schemas_[name] = std::move(schema);
}

void Components::merge(const Components& other) {
  for (const auto& [name, schema] : other.schemas_.items()) add(name, schema);
}

}  // namespace axis::api::schema
