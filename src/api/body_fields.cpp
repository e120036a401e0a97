// BodyFields (api/request_fields.h): the fields of a JSON object body.
#include <nlohmann/json.hpp>

#include "api/request_fields.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

std::string input_of(const BodyJson* v) { return v ? util::json_text(*v) : "null"; }

const char* const kNotObject = "Input should be a valid dictionary or object";

}  // namespace

BodyFields::BodyFields(const BodyJson& body) : BodyFields(&body, {"body"}, own_) {}

BodyFields::BodyFields(const BodyJson* object, std::vector<std::string> loc, FieldIssues& issues)
    : issues_(issues), object_(nullptr), loc_(std::move(loc)) {
  if (object == nullptr) return;  // an absent optional object: every field reads as absent
  if (!object->is_object()) {
    issues_.add("model_attributes_type", loc_, kNotObject, input_of(object));
    return;
  }
  object_ = object;
}

const BodyJson* BodyFields::find(const std::string& name) const {
  if (object_ == nullptr) return nullptr;
  auto it = object_->find(name);
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

std::vector<std::string> BodyFields::loc_of(const std::string& name) const {
  std::vector<std::string> loc = loc_;
  loc.push_back(name);
  return loc;
}

void BodyFields::missing(const std::string& name) {
  // Inside a body that is not an object, its one issue says it all.
  if (object_ != nullptr) issues_.add("missing", loc_of(name), "Field required", input_of(object_));
}

void BodyFields::invalid(const std::string& type, const std::string& name, const std::string& msg,
                         const BodyJson* input) {
  issues_.add(type, loc_of(name), msg, input_of(input));
}

std::string BodyFields::text(const std::string& name, std::size_t min_length) {
  const BodyJson* v = find(name);
  if (v == nullptr) {
    missing(name);
    return "";
  }
  if (!v->is_string()) {
    invalid("string_type", name, "Input should be a valid string", v);
    return "";
  }
  std::string value = v->get<std::string>();
  if (value.size() < min_length) {
    invalid("string_too_short", name,
            "String should have at least " + std::to_string(min_length) + " character" +
                (min_length == 1 ? "" : "s"),
            v);
  }
  return value;
}

std::optional<std::string> BodyFields::optional_text(const std::string& name) {
  const BodyJson* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    invalid("string_type", name, "Input should be a valid string", v);
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> BodyFields::matching(
    const std::string& name, const std::function<bool(const std::string&)>& valid,
    const std::string& msg) {
  auto value = optional_text(name);
  if (!value || value->empty()) return std::nullopt;
  if (valid(*value)) return value;
  invalid("string_pattern_mismatch", name, msg, find(name));
  return std::nullopt;
}

std::int64_t BodyFields::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) {
  const BodyJson* v = find(name);
  if (v == nullptr) return fallback;
  if (!v->is_number_integer()) {
    invalid("int_type", name, "Input should be a valid integer", v);
    return fallback;
  }
  if (*v < min) {
    invalid("greater_than_equal", name,
            "Input should be greater than or equal to " + std::to_string(min), v);
    return fallback;
  }
  if (*v > max) {
    invalid("less_than_equal", name,
            "Input should be less than or equal to " + std::to_string(max), v);
    return fallback;
  }
  return v->get<std::int64_t>();
}

bool BodyFields::boolean(const std::string& name, bool fallback) {
  const BodyJson* v = find(name);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    invalid("bool_type", name, "Input should be a valid boolean", v);
    return fallback;
  }
  return v->get<bool>();
}

BodyFields BodyFields::object(const std::string& name, bool required) {
  const BodyJson* v = find(name);
  if (v == nullptr && required) missing(name);
  return BodyFields(v, loc_of(name), issues_);
}

const BodyJson* BodyFields::list(const std::string& name, bool required) {
  const BodyJson* v = find(name);
  if (v == nullptr) {
    if (required) missing(name);
    return nullptr;
  }
  if (!v->is_array()) {
    invalid("list_type", name, "Input should be a valid list", v);
    return nullptr;
  }
  return v;
}

BodyFields BodyFields::item(const std::string& name, const BodyJson& value, std::size_t index) {
  std::vector<std::string> loc = loc_of(name);
  loc.push_back(std::to_string(index));
  return BodyFields(&value, std::move(loc), issues_);
}

}  // namespace axis::api

namespace axis::api {

namespace {

// The members of the object field `name`, checked one by one with `read` (which records issues
// at [..., name, member]).
template <class T, class Read>
std::map<std::string, T> read_map(const BodyJson* v, FieldIssues& issues,
                                  const std::vector<std::string>& loc, Read read) {
  std::map<std::string, T> out;
  if (v == nullptr) return out;
  if (!v->is_object()) {
    issues.add("model_attributes_type", loc, kNotObject, input_of(v));
    return out;
  }
  for (const auto& [member, value] : v->items()) {
    auto member_loc = loc;
    member_loc.push_back(member);
    if (auto parsed = read(value, member_loc)) out.emplace(member, std::move(*parsed));
  }
  return out;
}

}  // namespace

std::map<std::string, double> BodyFields::number_map(const std::string& name) {
  return read_map<double>(find(name), issues_, loc_of(name),
                          [&](const BodyJson& value, const std::vector<std::string>& loc) -> std::optional<double> {
                            if (value.is_number()) return value.get<double>();
                            issues_.add("float_type", loc, "Input should be a valid number", input_of(&value));
                            return std::nullopt;
                          });
}

std::map<std::string, std::string> BodyFields::text_map(const std::string& name) {
  return read_map<std::string>(
      find(name), issues_, loc_of(name),
      [&](const BodyJson& value, const std::vector<std::string>& loc) -> std::optional<std::string> {
        if (value.is_string()) return value.get<std::string>();
        if (value.is_null()) return std::nullopt;  // an unset entry
        issues_.add("string_type", loc, "Input should be a valid string", input_of(&value));
        return std::nullopt;
      });
}

}  // namespace axis::api
