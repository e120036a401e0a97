// Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the replies that
// /openapi.json describes. Included only by the files of src/api/schemas/.
//
//   object({{"id", str()}, {"name", nullable(str())}, optional("error", str())})
//
// A property is required unless it is marked optional(): required means the handler always
// sends the member (possibly as null when its schema is nullable). Objects list their known
// members only; the integration test closes them (additionalProperties: false) so a member the
// server sends but the schema omits fails. Shapes whose members are data (maps keyed by a metric
// or a column, rows of a dataset) are map_of() or row-like and stay open.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

namespace axis::api::schema {

using Json = nlohmann::json;

Json str();
Json integer();
Json number();
Json boolean();
Json any();                                          // any JSON value
Json one_of(std::initializer_list<const char*> values);  // a string from a fixed set
Json nullable(Json schema);                          // the schema, or null
Json array_of(Json items);
Json map_of(Json values);                            // an object whose keys are data
Json ref(const std::string& component);              // {"$ref": "#/components/schemas/<name>"}

struct Property {
  std::string name;
  Json schema;
  bool required = true;
};
// A member the handler sends only in some replies.
Property optional(std::string name, Json schema);

Json object(std::initializer_list<Property> properties);
// `base` (an object()) with more members.
Json extend(Json base, std::initializer_list<Property> more);
// `base` (an object()) that may carry members beyond those listed (e.g. from a YAML override).
Json open(Json base);
// `base` with a description.
Json described(Json base, const std::string& description);

// Component schemas by name; add() throws std::logic_error on a name added twice.
class Components {
 public:
  void add(const std::string& name, Json schema);
  void merge(const Components& other);
  const Json& json() const { return schemas_; }

 private:
  Json schemas_ = Json::object();
};

}  // namespace axis::api::schema
