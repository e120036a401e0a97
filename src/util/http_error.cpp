#include "util/http_error.h"
#include "util/json_text.h"

#include <nlohmann/json.hpp>

namespace axis::util {

std::string detail_body(const std::string& message) {
  return json_text(nlohmann::json{{"detail", message}});
}

std::string HttpError::body() const {
  if (issues_.empty() && status_ != 422) return detail_body(what());
  std::vector<ValidationIssue> issues = issues_;
  if (issues.empty()) issues.push_back({"value_error", {"body"}, what(), "null"});
  nlohmann::json list = nlohmann::json::array();
  for (const ValidationIssue& issue : issues) {
    nlohmann::json loc = nlohmann::json::array();
    for (const std::string& part : issue.loc) {
      bool numeric = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) loc.push_back(std::stoll(part));
      else loc.push_back(part);
    }
    nlohmann::json input = nlohmann::json::parse(issue.input_json, nullptr, false);
    if (input.is_discarded()) input = issue.input_json;
    list.push_back({{"type", issue.type}, {"loc", loc}, {"msg", issue.msg}, {"input", input}});
  }
  return json_text(nlohmann::json{{"detail", list}});
}

}  // namespace axis::util
