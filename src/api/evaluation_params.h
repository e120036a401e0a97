// Reads and validates query parameters for the evaluation and analytics routes, collecting every
// problem into one 422 list (FastAPI's shape: type, loc ["query", name], msg, input).
// An empty value counts as absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/http_error.h"

namespace axis::http { struct Request; }

namespace axis::api {

class QueryParams {
 public:
  explicit QueryParams(const http::Request& req) : req_(req) {}

  std::optional<std::string> text(const std::string& name) const;
  // A required value; records a "missing" issue (and returns "") when absent.
  std::string required(const std::string& name);
  // An integer in [min, max]; records int_parsing / greater_than_equal / less_than_equal.
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max);
  // One of `allowed`; records literal_error. Absent → fallback (nullopt if none).
  std::optional<std::string> choice(const std::string& name,
                                    const std::vector<std::string>& allowed,
                                    std::optional<std::string> fallback = std::nullopt);

  // Throws util::HttpError(422) listing every issue recorded so far.
  void check() const;

 private:
  void issue(const std::string& type, const std::string& name, const std::string& msg,
             const std::optional<std::string>& input);
  const http::Request& req_;
  std::vector<util::ValidationIssue> issues_;
};

}  // namespace axis::api
