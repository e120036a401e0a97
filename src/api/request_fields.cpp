#include "api/request_fields.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "http/request.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

// Inputs are echoed back at most this long.
constexpr std::size_t kMaxInputEcho = 100;

}  // namespace

void FieldIssues::add(const std::string& type, std::vector<std::string> loc, const std::string& msg,
                      const std::string& input_json) {
  issues_.push_back({type, std::move(loc), msg, input_json});
}

void FieldIssues::check() const {
  if (!issues_.empty()) throw util::HttpError(issues_);
}

std::optional<std::string> QueryParams::text(const std::string& name) const {
  auto value = req_.query_param(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::string QueryParams::required(const std::string& name) {
  auto value = text(name);
  if (!value) {
    issue("missing", name, "Field required", std::nullopt);
    return "";
  }
  return *value;
}

std::int64_t QueryParams::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max) {
  auto value = text(name);
  if (!value) return fallback;
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    issue("int_parsing", name,
          "Input should be a valid integer, unable to parse string as an integer", value);
    return fallback;
  }
  if (n < min) {
    issue("greater_than_equal", name,
          "Input should be greater than or equal to " + std::to_string(min), value);
    return fallback;
  }
  if (n > max) {
    issue("less_than_equal", name, "Input should be less than or equal to " + std::to_string(max),
          value);
    return fallback;
  }
  return n;
}

std::optional<std::string> QueryParams::choice(const std::string& name,
                                               const std::vector<std::string>& allowed,
                                               std::optional<std::string> fallback) {
  auto value = text(name);
  if (!value) return fallback;
  for (const std::string& a : allowed) {
    if (*value == a) return value;
  }
  std::string msg = "Input should be ";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) msg += i + 1 == allowed.size() ? " or " : ", ";
    msg += "'" + allowed[i] + "'";
  }
  issue("literal_error", name, msg, value);
  return fallback;
}

std::optional<std::string> QueryParams::matching(
    const std::string& name, const std::function<bool(const std::string&)>& valid,
    const std::string& msg) {
  auto value = text(name);
  if (!value || valid(*value)) return value;
  issue("string_pattern_mismatch", name, msg, value);
  return std::nullopt;
}

void QueryParams::issue(const std::string& type, const std::string& name, const std::string& msg,
                        const std::optional<std::string>& input) {
  const std::string input_json =
      input ? util::json_text(nlohmann::json(input->substr(0, kMaxInputEcho))) : "null";
  issues_.add(type, {"query", name}, msg, input_json);
}

}  // namespace axis::api
