// HttpError: the one error type handlers throw. The server renders it as {"detail": ...} with
// its status. Messages must be safe to show a user: no secrets, no stack traces.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace axis::util {

// One entry of a 422 validation error list: {"type","loc","msg","input"}.
struct ValidationIssue {
  std::string type;              // e.g. "missing", "json_invalid", "int_parsing"
  std::vector<std::string> loc;  // e.g. {"body", "name"}; numeric parts are written as numbers
  std::string msg;
  std::string input_json = "null";  // the offending input, as JSON text
};

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& detail) : std::runtime_error(detail), status_(status) {}
  // A 422 whose detail is the list of issues.
  explicit HttpError(std::vector<ValidationIssue> issues)
      : std::runtime_error("validation error"), status_(422), issues_(std::move(issues)) {}

  // A 422 with one issue at `loc` (e.g. {"body", "query"}); input_json is the offending input.
  static HttpError field(std::vector<std::string> loc, std::string type, std::string msg,
                         std::string input_json = "null") {
    return HttpError({{std::move(type), std::move(loc), std::move(msg), std::move(input_json)}});
  }

  int status() const { return status_; }
  const std::vector<ValidationIssue>& issues() const { return issues_; }
  // The full response body: {"detail":"..."}, or {"detail":[...]} for a 422 (one made with a
  // message only lists it as one value_error at loc ["body"], so every 422 has the list shape).
  std::string body() const;

 private:
  int status_;
  std::vector<ValidationIssue> issues_;
};

// {"detail": message} with message JSON-escaped.
std::string detail_body(const std::string& message);

}  // namespace axis::util
