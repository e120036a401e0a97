#include <nlohmann/json.hpp>

#include <cmath>

#include "annotations/annotation_store.h"
#include "util/http_error.h"

namespace axis::annotations {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxCritique = 10000;
constexpr std::size_t kMaxTags = 50;
constexpr std::size_t kMaxTag = 100;

// Length in Unicode code points (the body has already been checked to be valid UTF-8).
std::size_t chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class Issues {
 public:
  void add(std::string type, std::vector<std::string> loc, std::string msg, const Json& input) {
    loc.insert(loc.begin(), "body");
    list_.push_back({std::move(type), std::move(loc), std::move(msg), input.dump()});
  }
  void throw_if_any() const {
    if (!list_.empty()) throw util::HttpError(list_);
  }

 private:
  std::vector<util::ValidationIssue> list_;
};

std::optional<std::string> judgment(const Json& v, Issues& issues) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string() && (v == "accept" || v == "reject")) return v.get<std::string>();
  issues.add("literal_error", {"judgment"}, "Input should be 'accept' or 'reject'", v);
  return std::nullopt;
}

std::optional<double> rating(const Json& v, Issues& issues) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) {
    issues.add("float_type", {"rating"}, "Input should be a valid number", v);
    return std::nullopt;
  }
  const double x = v.get<double>();
  if (!std::isfinite(x)) issues.add("finite_number", {"rating"}, "Input should be a finite number", v);
  else if (x < 0) issues.add("greater_than_equal", {"rating"}, "Input should be greater than or equal to 0", v);
  else if (x > 10) issues.add("less_than_equal", {"rating"}, "Input should be less than or equal to 10", v);
  return x;
}

std::string critique(const Json& v, Issues& issues) {
  if (!v.is_string()) {
    issues.add("string_type", {"critique"}, "Input should be a valid string", v);
    return {};
  }
  if (chars(v.get_ref<const std::string&>()) > kMaxCritique) {
    issues.add("string_too_long", {"critique"}, "String should have at most 10000 characters", v);
  }
  return v.get<std::string>();
}

std::vector<std::string> tags(const Json& v, Issues& issues) {
  std::vector<std::string> out;
  if (!v.is_array()) {
    issues.add("list_type", {"tags"}, "Input should be a valid list", v);
    return out;
  }
  if (v.size() > kMaxTags) {
    issues.add("too_long", {"tags"},
               "List should have at most 50 items after validation, not " + std::to_string(v.size()), v);
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Json& tag = v[i];
    const std::string at = std::to_string(i);
    if (!tag.is_string()) {
      issues.add("string_type", {"tags", at}, "Input should be a valid string", tag);
    } else if (tag.get_ref<const std::string&>().empty()) {
      issues.add("string_too_short", {"tags", at}, "String should have at least 1 character", tag);
    } else if (chars(tag.get_ref<const std::string&>()) > kMaxTag) {
      issues.add("string_too_long", {"tags", at}, "String should have at most 100 characters", tag);
    } else {
      out.push_back(tag.get<std::string>());
    }
  }
  return out;
}

}  // namespace

AnnotationPatch parse_annotation_patch(const Json& body) {
  if (!body.is_object()) {
    throw util::HttpError({{"model_attributes_type", {"body"},
                            "Input should be a valid dictionary or object to extract fields from",
                            body.dump()}});
  }
  Issues issues;
  AnnotationPatch patch;
  for (const auto& [key, value] : body.items()) {
    if (key == "judgment") patch.judgment = judgment(value, issues);
    else if (key == "rating") patch.rating = rating(value, issues);
    else if (key == "critique") patch.critique = critique(value, issues);
    else if (key == "tags") patch.tags = tags(value, issues);
    else if (key == "flagged") {
      if (value.is_boolean()) patch.flagged = value.get<bool>();
      else issues.add("bool_type", {"flagged"}, "Input should be a valid boolean", value);
    } else {
      issues.add("extra_forbidden", {key}, "Extra inputs are not permitted", value);
    }
  }
  issues.throw_if_any();
  return patch;
}

}  // namespace axis::annotations
