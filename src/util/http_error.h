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

  int status() const { return status_; }
  const std::vector<ValidationIssue>& issues() const { return issues_; }
  // The full response body: {"detail":"..."} or {"detail":[...]}.
  std::string body() const;

 private:
  int status_;
  std::vector<ValidationIssue> issues_;
};

// {"detail": message} with message JSON-escaped.
std::string detail_body(const std::string& message);

}  // namespace axis::util
