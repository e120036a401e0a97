// Reading a request: query parameters and JSON body fields. Every problem found goes into one
// list, and check() throws it as the one 422 shape of the API (docs/api.md):
// {"detail":[{"type","loc","msg","input"}]}, loc ["query", name] or ["body", field, ...].
// Readers collect instead of throwing at the first problem, so a caller learns every mistake at
// once; a read that fails returns its fallback, and the handler must call check() before it
// uses what it read. Not thread-safe: one reader per request.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/http_error.h"

namespace axis::http { struct Request; }

namespace axis::api {

using BodyJson = nlohmann::ordered_json;

// The issues found so far, shared by a reader and the readers of its nested objects.
class FieldIssues {
 public:
  void add(const std::string& type, std::vector<std::string> loc, const std::string& msg,
           const std::string& input_json);
  bool empty() const { return issues_.empty(); }
  // Throws util::HttpError(422) listing every issue recorded so far.
  void check() const;

 private:
  std::vector<util::ValidationIssue> issues_;
};

class QueryParams {
 public:
  explicit QueryParams(const http::Request& req) : req_(req) {}

  // The value; an empty value counts as absent.
  std::optional<std::string> text(const std::string& name) const;
  // A required value; records "missing" (and returns "") when absent.
  std::string required(const std::string& name);
  // An integer in [min, max]; records int_parsing / greater_than_equal / less_than_equal.
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max);
  // One of `allowed`; records literal_error. Absent → fallback (nullopt if none).
  std::optional<std::string> choice(const std::string& name,
                                    const std::vector<std::string>& allowed,
                                    std::optional<std::string> fallback = std::nullopt);
  // A value `valid` accepts; records string_pattern_mismatch with `msg` otherwise.
  std::optional<std::string> matching(const std::string& name,
                                      const std::function<bool(const std::string&)>& valid,
                                      const std::string& msg);
  void check() const { issues_.check(); }

 private:
  void issue(const std::string& type, const std::string& name, const std::string& msg,
             const std::optional<std::string>& input);
  const http::Request& req_;
  FieldIssues issues_;
};

// The fields of a JSON object body, or of an object nested in it. A body that is not an object
// is one model_attributes_type issue, and then every field reads as absent. A null field counts
// as absent. Holds references to the body (and to its parent's issues): both must outlive it.
class BodyFields {
 public:
  explicit BodyFields(const BodyJson& body);
  BodyFields(const BodyFields&) = delete;
  BodyFields& operator=(const BodyFields&) = delete;

  // A required string of at least min_length characters: missing / string_type /
  // string_too_short.
  std::string text(const std::string& name, std::size_t min_length = 1);
  // An optional string: string_type.
  std::optional<std::string> optional_text(const std::string& name);
  // A string `valid` accepts; absent or empty → nullopt; string_pattern_mismatch with `msg`.
  std::optional<std::string> matching(const std::string& name,
                                      const std::function<bool(const std::string&)>& valid,
                                      const std::string& msg);
  // A whole number in [min, max]: int_type / greater_than_equal / less_than_equal.
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max);
  bool boolean(const std::string& name, bool fallback);  // bool_type
  // An object of finite numbers, name → value (absent → empty): model_attributes_type, then
  // float_type at each member that is not a number.
  std::map<std::string, double> number_map(const std::string& name);
  // An object of strings (absent → empty; null members left out): model_attributes_type, then
  // string_type per member.
  std::map<std::string, std::string> text_map(const std::string& name);
  // A nested object read into the same issue list (loc gains `name`); a required one that is
  // absent is "missing", anything but an object model_attributes_type.
  BodyFields object(const std::string& name, bool required);
  // A list field: the array, or null when absent (or not a list: list_type; or a required one
  // missing).
  const BodyJson* list(const std::string& name, bool required);
  // The item `index` of a list field as an object (loc [..., name, index]).
  BodyFields item(const std::string& name, const BodyJson& value, std::size_t index);
  // Records an issue at this object's field `name` (e.g. a rule the handler checks itself).
  void invalid(const std::string& type, const std::string& name, const std::string& msg,
               const BodyJson* input);
  void check() const { issues_.check(); }

 private:
  BodyFields(const BodyJson* object, std::vector<std::string> loc, FieldIssues& issues);
  // The field's value, or null when absent, null, or the body is not an object.
  const BodyJson* find(const std::string& name) const;
  std::vector<std::string> loc_of(const std::string& name) const;
  void missing(const std::string& name);  // records "missing" for an absent required field

  FieldIssues own_;
  FieldIssues& issues_;
  const BodyJson* object_;  // null when not an object
  std::vector<std::string> loc_;
};

}  // namespace axis::api
