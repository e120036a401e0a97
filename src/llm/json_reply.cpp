#include "llm/json_reply.h"

#include <nlohmann/json.hpp>

namespace axis::llm {

std::string strip_code_fences(std::string_view text) {
  const auto open = text.find("```");
  if (open == std::string_view::npos) return std::string(text);
  const auto start = text.find('\n', open);
  const auto close = text.rfind("```");
  if (start == std::string_view::npos || close <= start) return std::string(text);
  return std::string(text.substr(start + 1, close - start - 1));
}

nlohmann::ordered_json parse_json_reply(std::string_view text) {
  return nlohmann::ordered_json::parse(strip_code_fences(text), nullptr, false);
}

}  // namespace axis::llm
